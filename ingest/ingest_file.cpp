#include "ingest/ingest_file.h"
