#include "ingest/normalize.h"
