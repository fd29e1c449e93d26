/* Scan files with the gatepost C ABI and print the report.
 *
 *   scan [--format json|sarif|text|github | --model] [--options JSON] [--paths] FILE...
 *   scan --check-errors
 *
 * Files are read into memory and passed with their paths as given (so the report matches
 * `gatepost scan --format json` run from the same directory); --paths hands the paths to
 * the library to walk instead. --model prints the report's normalized model (as
 * `gatepost model` does) instead of the report. Exit code: the CLI's (0 clean, 1 findings, 2 errors), 3 when
 * a call fails. --check-errors exercises NULL pointers, invalid UTF-8 and bad options. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gatepost.h"

static int fail(const char *what, GatepostStatus status) {
    size_t len = 0;
    const char *msg = gatepost_last_error(&len);
    fprintf(stderr, "scan: %s failed (status %d): %.*s\n", what, (int)status, (int)len,
            msg ? msg : "");
    return 3;
}

static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    unsigned char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *bigger = realloc(buf, cap *= 2);
            if (!bigger) { free(buf); buf = NULL; }
            buf = bigger;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

#define EXPECT(cond)                                                        \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "check failed at line %d: %s\n", __LINE__, #cond); \
            return 1;                                                       \
        }                                                                   \
    } while (0)

static int check_errors(void) {
    GatepostReport *report = NULL;
    EXPECT(gatepost_scan(NULL, NULL, 0, &report) == GATEPOST_STATUS_NULL_POINTER);
    EXPECT(report == NULL);
    EXPECT(gatepost_last_error(NULL) != NULL);

    GatepostFiles *files = gatepost_files_new();
    const char bad_utf8[] = {'m', (char)0xff, '.', 't', 'f'};
    EXPECT(gatepost_files_add(files, bad_utf8, sizeof bad_utf8, NULL, 0) ==
           GATEPOST_STATUS_INVALID_UTF8);
    EXPECT(gatepost_files_add(files, NULL, 3, NULL, 0) == GATEPOST_STATUS_NULL_POINTER);
    EXPECT(gatepost_files_add(files, "x.tf", 4, NULL, 5) == GATEPOST_STATUS_NULL_POINTER);

    const char *tf = "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n";
    EXPECT(gatepost_files_add(files, "app/main.tf", 11, (const uint8_t *)tf, strlen(tf)) ==
           GATEPOST_STATUS_OK);
    EXPECT(gatepost_last_error(NULL) == NULL);

    const char *bad_options = "{\"format\": \"xml\"}";
    EXPECT(gatepost_scan(files, bad_options, strlen(bad_options), &report) ==
           GATEPOST_STATUS_INVALID_ARGUMENT);
    EXPECT(strstr(gatepost_last_error(NULL), "xml") != NULL);

    EXPECT(gatepost_scan(files, NULL, 0, &report) == GATEPOST_STATUS_OK);
    EXPECT(gatepost_report_finding_count(report) >= 1);
    EXPECT(gatepost_report_exit_code(report) == 1);
    char *out = NULL;
    size_t out_len = 0;
    EXPECT(gatepost_report_render(report, "sarif", 5, &out, &out_len) == GATEPOST_STATUS_OK);
    EXPECT(out_len == strlen(out) && strstr(out, "aws-s3-public-acl") != NULL);
    gatepost_string_free(out);
    EXPECT(gatepost_report_render(report, "nope", 4, &out, &out_len) ==
           GATEPOST_STATUS_INVALID_ARGUMENT);
    EXPECT(out == NULL);
    EXPECT(gatepost_report_render(NULL, NULL, 0, &out, NULL) == GATEPOST_STATUS_NULL_POINTER);
    EXPECT(gatepost_report_model_json(report, &out, &out_len) == GATEPOST_STATUS_OK);
    EXPECT(out_len == strlen(out) && strstr(out, "\"address\": \"aws_s3_bucket.b\"") != NULL);
    gatepost_string_free(out);
    EXPECT(gatepost_report_model_json(NULL, &out, NULL) == GATEPOST_STATUS_NULL_POINTER);
    EXPECT(out == NULL);
    gatepost_report_free(report);
    gatepost_files_free(files);

    EXPECT(gatepost_rules_json(&out, &out_len) == GATEPOST_STATUS_OK && out_len > 2);
    gatepost_string_free(out);
    gatepost_report_free(NULL);
    gatepost_files_free(NULL);
    gatepost_string_free(NULL);
    printf("C ABI error checks passed (gatepost %s)\n", gatepost_version());
    return 0;
}

int main(int argc, char **argv) {
    const char *format = NULL, *options = NULL;
    int use_paths = 0, model = 0, first = 1;
    for (; first < argc && strncmp(argv[first], "--", 2) == 0; first++) {
        if (!strcmp(argv[first], "--check-errors")) return check_errors();
        if (!strcmp(argv[first], "--paths")) use_paths = 1;
        else if (!strcmp(argv[first], "--model")) model = 1;
        else if (!strcmp(argv[first], "--format") && first + 1 < argc) format = argv[++first];
        else if (!strcmp(argv[first], "--options") && first + 1 < argc) options = argv[++first];
        else {
            fprintf(stderr,
                    "usage: scan [--format F | --model] [--options JSON] [--paths] FILE...\n");
            return 3;
        }
    }
    GatepostStatus st;
    GatepostReport *report = NULL;
    size_t opt_len = options ? strlen(options) : 0;
    if (use_paths) {
        size_t n = (size_t)(argc - first);
        size_t *lens = calloc(n ? n : 1, sizeof *lens);
        for (size_t i = 0; i < n; i++) lens[i] = strlen(argv[first + i]);
        st = gatepost_scan_paths((const char *const *)(argv + first), lens, n, options, opt_len,
                                 &report);
        free(lens);
        if (st != GATEPOST_STATUS_OK) return fail("gatepost_scan_paths", st);
    } else {
        GatepostFiles *files = gatepost_files_new();
        for (int i = first; i < argc; i++) {
            size_t len = 0;
            unsigned char *data = read_file(argv[i], &len);
            if (!data) {
                fprintf(stderr, "scan: cannot read %s\n", argv[i]);
                gatepost_files_free(files);
                return 3;
            }
            st = gatepost_files_add(files, argv[i], strlen(argv[i]), data, len);
            free(data);
            if (st != GATEPOST_STATUS_OK) {
                gatepost_files_free(files);
                return fail("gatepost_files_add", st);
            }
        }
        st = gatepost_scan(files, options, opt_len, &report);
        gatepost_files_free(files);
        if (st != GATEPOST_STATUS_OK) return fail("gatepost_scan", st);
    }
    char *out = NULL;
    size_t out_len = 0;
    if (model)
        st = gatepost_report_model_json(report, &out, &out_len);
    else
        st = gatepost_report_render(report, format, format ? strlen(format) : 0, &out, &out_len);
    if (st != GATEPOST_STATUS_OK) {
        gatepost_report_free(report);
        return fail(model ? "gatepost_report_model_json" : "gatepost_report_render", st);
    }
    fwrite(out, 1, out_len, stdout);
    int code = gatepost_report_exit_code(report);
    gatepost_string_free(out);
    gatepost_report_free(report);
    return code;
}
