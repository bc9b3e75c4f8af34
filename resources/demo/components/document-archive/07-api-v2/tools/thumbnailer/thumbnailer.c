/*
 * thumbnailer: renders the first page of a PDF or TIFF scan as a PNG thumbnail.
 *
 *   thumbnailer <input> <output.png> [size]
 *
 * Runs in a sandboxed job container started by document-archive for every stored document;
 * libvips does the decoding. Exit codes: 0 ok, 1 usage, 2 unreadable input, 3 write error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

#define DEFAULT_SIZE 256
#define MAX_SIZE 1024
/* Refuse decompression bombs: scans larger than this many pixels are not thumbnailed. */
#define MAX_PIXELS (20000L * 20000L)

static int parse_size(const char *text)
{
    char *end = NULL;
    long value = strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < 16 || value > MAX_SIZE)
        return -1;
    return (int)value;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: %s <input> <output.png> [size]\n", argv[0]);
        return 1;
    }
    int size = argc == 4 ? parse_size(argv[3]) : DEFAULT_SIZE;
    if (size < 0) {
        fprintf(stderr, "size must be between 16 and %d\n", MAX_SIZE);
        return 1;
    }
    if (VIPS_INIT(argv[0]))
        vips_error_exit(NULL);
    vips_block_untrusted_set(TRUE);

    VipsImage *probe = vips_image_new_from_file(argv[1], "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (probe == NULL) {
        fprintf(stderr, "cannot read %s: %s\n", argv[1], vips_error_buffer());
        vips_shutdown();
        return 2;
    }
    long pixels = (long)vips_image_get_width(probe) * vips_image_get_height(probe);
    g_object_unref(probe);
    if (pixels > MAX_PIXELS) {
        fprintf(stderr, "%s: image too large (%ld pixels)\n", argv[1], pixels);
        vips_shutdown();
        return 2;
    }

    VipsImage *thumb = NULL;
    if (vips_thumbnail(argv[1], &thumb, size, "height", size, "size", VIPS_SIZE_DOWN, NULL)) {
        fprintf(stderr, "cannot render %s: %s\n", argv[1], vips_error_buffer());
        vips_shutdown();
        return 2;
    }
    int status = 0;
    if (vips_pngsave(thumb, argv[2], "compression", 9, "strip", TRUE, NULL)) {
        fprintf(stderr, "cannot write %s: %s\n", argv[2], vips_error_buffer());
        status = 3;
    }
    g_object_unref(thumb);
    vips_shutdown();
    return status;
}
