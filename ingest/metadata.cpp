#include "ingest/metadata.h"
