// Cairo (drawing, PNG and PDF surfaces), fontconfig (finding the font
// family a scene asks for) and zlib (compressing PNG rows), from Debian's
// libcairo2-dev, which brings zlib1g-dev.
#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <zlib.h>
