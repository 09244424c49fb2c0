#include "search/export.h"
