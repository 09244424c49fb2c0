#include "index/schema.h"
