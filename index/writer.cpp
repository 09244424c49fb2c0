#include "index/writer.h"
