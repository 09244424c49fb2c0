#include "index/analyzer.h"
