#include "index/database.h"
