#include "ingest/segment.h"
