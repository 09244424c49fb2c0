#include "ingest/decode_text.h"
