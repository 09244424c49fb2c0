#include "ingest/detect_format.h"
