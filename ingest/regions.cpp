#include "ingest/regions.h"
