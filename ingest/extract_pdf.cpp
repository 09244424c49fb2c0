#include "ingest/extract_pdf.h"
