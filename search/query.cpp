#include "search/query.h"
