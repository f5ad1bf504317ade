// Cairo (drawing, PNG and PDF surfaces) and fontconfig (finding the font
// family a scene asks for), from Debian's libcairo2-dev.
#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
