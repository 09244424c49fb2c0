#include "ingest/manifest.h"
