#include "search/snippet.h"
