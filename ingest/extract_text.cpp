#include "ingest/extract_text.h"
