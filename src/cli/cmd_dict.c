/* cmd_dict.c — `vigie dict`: tools for the people who write dictionaries.
**   stats   what the dictionaries hold, per language, as TSV: entries per kind, actors with dated
**           roles, countries (and ISO 3166-1 coverage), trigger patterns, and the CAMEO codes a
**           language has no pattern for (the gap a dictionary writer closes first);
**   lint    what the loader accepts but is wrong or dead (src/dict/lint.c), file:line each;
**   lookup  what every phrase of a text matches, with the entry's file and line;
**   import  other coders' dictionaries made into a vigie dictionary directory. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dict.h"
#include "engine.h"
#include "ingest.h"

static const char usage[] =
    "Usage: vigie dict stats [-D DIR] [--dict DIR] [--exercised FILE...]\n"
    "       vigie dict lint [-D DIR] [--dict DIR]\n"
    "       vigie dict lookup [-l fr|en] [-D DIR] [--dict DIR] TEXT...  (no TEXT: standard input)\n"
    "       vigie dict import --from petrarch -o OUTDIR FILE...\n\n"
    "What the dictionaries hold, per language, as TSV on stdout (lang, measure, value): entries and\n"
    "names of people, organisations, country names, adjectives, inhabitants, capitals, seats of\n"
    "power, cities and agents; actors with dated roles; countries named, and the ISO 3166-1\n"
    "countries named (and those not); trigger patterns (of which verb patterns); CAMEO codes with a\n"
    "pattern, and the list of those without one. With --exercised, stats codes the passages of the\n"
    "FILEs (JSON Lines records {\"text\", \"lang\", \"date\"}, gold files among them, or case files\n"
    "of tests/cases/ in their example/./end format) and adds trigger_patterns_unexercised: the patterns\n"
    "(cancels --- left out) that coded no event of any of them.\n\n"
    "lint loads the dictionaries and prints, one line each as FILE:LINE: message, a file the loader\n"
    "refuses, actor codes of unknown blocks (data/cameo/blocks.tsv), an actor's roles whose periods\n"
    "overlap, and phrases and patterns written twice (duplicates, or never matched). lookup prints, as\n"
    "TSV (start, end, text, what, code, entry, file:line), every entry the words of TEXT can match: people,\n"
    "organisations, countries and their kinds, agents, discards, and the verb and noun patterns.\n\n"
    "  -D, --data DIR   the data directory (default: $VIGIE_DATA, else the built-in one)\n"
    "      --dict DIR   the dictionary directory (default: DIR/dict of the data directory)\n"
    "  -l, --lang LANG  lookup: fr or en (default: identified from TEXT)\n"
    "      --exercised  stats: code the FILEs given and count the patterns none of them fires\n"
    "  -h, --help       this help\n\n"
    "import converts PETRARCH / TABARI dictionaries (actors, agents, verbs with patterns and\n"
    "synsets, discards; told apart by file name, else by content) into a dictionary directory\n"
    "OUTDIR for --dict. Every entry it cannot convert is reported on stderr with its file, line and\n"
    "reason; a summary line ends the report.\n\n"
    "  -f, --from FORMAT  petrarch (the only one)\n"
    "  -o, --out OUTDIR   the directory to write (created; its files are replaced)\n"
    "\nExit status: 0 done (stats, lookup; lint clean; import with every entry converted), 1 lint\n"
    "findings, or import with entries not converted, 2 usage error, 3 the dictionaries could not be\n"
    "loaded or written.\n";

static int cmd_import(int argc, char **argv)
{
    static const struct option longopts[] = { { "from", required_argument, 0, 'f' }, { "out", required_argument, 0, 'o' },
                                              { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 } };
    const char *from = NULL, *out = NULL;
    int opt;
    while ((opt = getopt_long(argc, argv, "f:o:h", longopts, NULL)) != -1) {
        if (opt == 'f')
            from = optarg;
        else if (opt == 'o')
            out = optarg;
        else if (opt == 'h') {
            fputs(usage, stdout);
            return EXIT_ALL_OK;
        } else {
            cli_usage_error("dict import", "%s", "bad option");
            return EXIT_USAGE;
        }
    }
    if (!from || strcmp(from, "petrarch"))
        return cli_usage_error("dict import", "--from must be petrarch, not '%s'", from ? from : "");
    if (!out)
        return cli_usage_error("dict import", "%s", "-o OUTDIR is needed");
    if (optind >= argc)
        return cli_usage_error("dict import", "%s", "no dictionary file given");
    vg_import_counts c;
    char err[512] = "";
    vg_status rc = vg_import_petrarch(argv + optind, argc - optind, out, stderr, &c, err, sizeof err);
    if (rc != VG_OK) {
        fprintf(stderr, "vigie dict import: %s\n", err);
        return EXIT_FAILED;
    }
    fprintf(stderr, "vigie dict import: %zu entries read, %zu converted, %zu not converted; written to %s\n", c.read,
            c.converted, c.skipped, out);
    return c.skipped ? EXIT_SKIPPED : EXIT_ALL_OK;
}

/* vg_dict_counts' kinds, in vg_phkind order; then organisations */
static const char *const kinds[] = { "people", "country_names", "country_adjectives", "inhabitants", "capitals",
                                     "seats_of_power", "cities", "agents", "organisations" };

/* Every ISO 3166-1 country tools/mkcountries.py listed ("# ISO CAMEO" lines of countries-iso.txt):
** how many the dictionary names, in this language, and which it does not. */
static void iso_coverage(const vg_engine *e, vg_lang lang, const char *ln)
{
    char path[4200], line[512], missing[4096] = "";
    snprintf(path, sizeof path, "%s/%s/countries-iso.txt", vg_engine_dict_dir(e), ln);
    FILE *f = fopen(path, "r");
    if (!f)
        return; /* a dictionary directory without it (an imported one) */
    size_t n = 0, named = 0;
    while (fgets(line, sizeof line, f)) {
        char iso[4], cameo[4];
        if (sscanf(line, "# %3[A-Z] %3[A-Z]", iso, cameo) != 2)
            continue;
        n++;
        if (vg_dict_names_place(vg_engine_lexicon(e, lang), cameo))
            named++;
        else if (strlen(missing) + 5 < sizeof missing)
            snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "%s%s", missing[0] ? " " : "", iso);
    }
    fclose(f);
    printf("%s\tiso3166_countries\t%zu\n%s\tiso3166_named\t%zu\n%s\tiso3166_without_name\t%s\n", ln, n, ln, named, ln,
           missing);
}

static int run_stats(const vg_engine *e, char **files, int nfiles, int exercised);

/* ---- lint ---- */

typedef struct {
    vg_strset *seen; /* findings already printed: the files both languages share are linted twice */
    size_t n;
} lint_out;

static void on_finding(void *ctx, const char *file, uint32_t line, const char *msg)
{
    lint_out *o = ctx;
    char buf[1024];
    int k = snprintf(buf, sizeof buf, "%s:%u: %s", file, line, msg);
    if (k < 0 || vg_strset_id(o->seen, buf, strlen(buf)))
        return;
    vg_strset_add(o->seen, buf, strlen(buf));
    o->n++;
    printf("%s\n", buf);
}

/* data/cameo/blocks.tsv's codes (first column) */
static vg_strset *read_blocks(const vg_mem *mem, const char *data_dir)
{
    char path[4200], line[512];
    snprintf(path, sizeof path, "%s/cameo/blocks.tsv", data_dir);
    FILE *f = fopen(path, "r");
    vg_strset *s = NULL;
    if (!f || vg_strset_new(mem, &s) != VG_OK) {
        if (f)
            fclose(f);
        fprintf(stderr, "vigie dict lint: %s: cannot read\n", path);
        return NULL;
    }
    while (fgets(line, sizeof line, f))
        if (line[0] != '#' && strlen(line) > 3 && line[3] == '\t')
            vg_strset_add(s, line, 3);
    fclose(f);
    return s;
}

static int run_lint(const vg_engine *e)
{
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    lint_out o = { NULL, 0 };
    vg_strset *blocks = read_blocks(&mem, vg_engine_data_dir(e));
    if (!blocks || vg_strset_new(&mem, &o.seen) != VG_OK) {
        vg_strset_free(blocks);
        return EXIT_FAILED;
    }
    const vg_lang langs[] = { VG_LANG_FR, VG_LANG_EN };
    size_t n;
    int rc = EXIT_ALL_OK;
    for (int l = 0; l < 2 && rc == EXIT_ALL_OK; l++)
        if (vg_dict_lint(vg_engine_lexicon(e, langs[l]), blocks, on_finding, &o, &n) != VG_OK)
            rc = EXIT_FAILED;
    vg_strset_free(blocks);
    vg_strset_free(o.seen);
    if (rc != EXIT_ALL_OK || fflush(stdout) != 0)
        return EXIT_FAILED;
    fprintf(stderr, "vigie dict lint: %zu finding%s\n", o.n, o.n == 1 ? "" : "s");
    return o.n ? EXIT_SKIPPED : EXIT_ALL_OK;
}

/* ---- lookup ---- */

typedef struct {
    const char *text;
} lookup_out;

static void on_match(void *ctx, size_t start, size_t end, const char *what, const char *code, const char *entry,
                     const char *file, uint32_t line)
{
    const lookup_out *o = ctx;
    printf("%zu\t%zu\t%.*s\t%s\t%s\t%s\t%s:%u\n", start, end, (int)(end - start), o->text + start, what, code, entry,
           file, line);
}

static int run_lookup(const vg_engine *e, vg_lang lang, char **words, int nwords)
{
    vg_buf text;
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    vg_buf_init(&text, &mem);
    if (nwords) {
        for (int i = 0; i < nwords; i++)
            if ((i && vg_buf_putc(&text, ' ') != VG_OK) || vg_buf_append(&text, words[i], strlen(words[i])) != VG_OK)
                return EXIT_FAILED;
    } else {
        char chunk[4096];
        size_t k;
        while ((k = fread(chunk, 1, sizeof chunk, stdin)) > 0)
            if (vg_buf_append(&text, chunk, k) != VG_OK)
                return EXIT_FAILED;
    }
    vg_doc *d = NULL;
    int rc = EXIT_ALL_OK;
    vg_docinfo info = { NULL, lang, NULL };
    if (vg_doc_new(e, &d) != VG_OK || vg_doc_analyze(d, text.p ? text.p : "", text.n, &info) != VG_OK) {
        rc = EXIT_FAILED;
    } else {
        vg_lang l = vg_doc_lang(d);
        if (l != VG_LANG_FR && l != VG_LANG_EN) {
            fprintf(stderr, "vigie dict lookup: the text is neither French nor English; say which with --lang\n");
            rc = EXIT_USAGE;
        } else {
            lookup_out o = { text.p };
            printf("start\tend\ttext\twhat\tcode\tentry\tsource\n");
            vg_dict_lookup(vg_engine_lexicon(e, l), text.p, vg_doc_ntokens(d) ? vg_doc_token(d, 0) : NULL,
                           vg_doc_ntokens(d), on_match, &o);
            if (fflush(stdout) != 0)
                rc = EXIT_FAILED;
        }
    }
    vg_doc_free(d);
    vg_buf_release(&text);
    return rc;
}

int cmd_dict(int argc, char **argv)
{
    static const struct option longopts[] = { { "data", required_argument, 0, 'D' }, { "dict", required_argument, 0, 'K' },
                                              { "lang", required_argument, 0, 'l' }, { "help", no_argument, 0, 'h' },
                                              { "exercised", no_argument, 0, 'X' }, { 0, 0, 0, 0 } };
    const char *data = NULL, *dict = NULL;
    vg_lang lang = VG_LANG_UNKNOWN;
    int opt, exercised = 0;
    optind = 1;
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(usage, stdout);
        return EXIT_ALL_OK;
    }
    if (argc >= 2 && !strcmp(argv[1], "import"))
        return cmd_import(argc - 1, argv + 1);
    const char *sub = argc >= 2 ? argv[1] : "";
    if (strcmp(sub, "stats") && strcmp(sub, "lint") && strcmp(sub, "lookup")) {
        cli_usage_error("dict", "unknown or missing subcommand '%s' (stats, lint, lookup, import)", sub);
        return EXIT_USAGE;
    }
    argc--, argv++;
    while ((opt = getopt_long(argc, argv, "D:l:h", longopts, NULL)) != -1) {
        if (opt == 'D')
            data = optarg;
        else if (opt == 'K')
            dict = optarg;
        else if (opt == 'X' && !strcmp(sub, "stats"))
            exercised = 1;
        else if (opt == 'l') {
            lang = vg_lang_parse(optarg, strlen(optarg));
            if (lang != VG_LANG_FR && lang != VG_LANG_EN)
                return cli_usage_error("dict", "--lang must be fr or en, not '%s'", optarg);
        } else if (opt == 'h') {
            fputs(usage, stdout);
            return EXIT_ALL_OK;
        } else {
            cli_usage_error("dict", "%s", "bad option");
            return EXIT_USAGE;
        }
    }
    if (exercised && optind >= argc)
        return cli_usage_error("dict", "%s", "--exercised needs the files to code");
    if (strcmp(sub, "lookup") && !exercised && optind < argc)
        return cli_usage_error("dict", "unexpected argument '%s'", argv[optind]);
    vg_options o = { 0 };
    o.data_dir = data;
    o.dict_dir = dict;
    vg_engine *e = NULL;
    if (vg_engine_open(&o, &e) != VG_OK) {
        if (!strcmp(sub, "lint") && e && vg_engine_errmsg(e)[0]) { /* the loader's refusal is a finding */
            printf("%s\n", vg_engine_errmsg(e));
            fprintf(stderr, "vigie dict lint: the dictionaries do not load (the first error stops the loader)\n");
            vg_engine_close(e);
            return EXIT_SKIPPED;
        }
        fprintf(stderr, "vigie dict: cannot load dictionaries: %s\n", vg_engine_errmsg(e));
        vg_engine_close(e);
        return EXIT_FAILED;
    }
    int rc;
    if (!strcmp(sub, "lint"))
        rc = run_lint(e);
    else if (!strcmp(sub, "lookup"))
        rc = run_lookup(e, lang, argv + optind, argc - optind);
    else
        rc = run_stats(e, argv + optind, argc - optind, exercised);
    vg_engine_close(e);
    return rc;
}

/* ---- stats ---- */

/* ---- stats --exercised ---- */

/* Code one passage and add the rule ("file:line") of each event to fired. */
static void code_passage(vg_doc *d, vg_strset *fired, const char *text, size_t n, vg_lang lang, const char *date)
{
    vg_docinfo info = { NULL, lang, date && *date ? date : NULL };
    if (vg_code(d, text, n, &info) != VG_OK)
        return;
    for (size_t i = 0; i < vg_doc_nevents(d); i++) {
        const char *r = vg_doc_event(d, i)->rule;
        if (r && *r)
            vg_strset_add(fired, r, strlen(r));
    }
}

/* A case file of tests/cases/ (docs/text.md, "Test case format"): the input of each case stands
** between its "example" line (and an "@date" line) and "."; its language is the file name's
** ("-fr." French, else English), as tests/unit/test_cases.c reads it. */
static int code_case_file(vg_doc *d, vg_strset *fired, const char *path, FILE *f)
{
    vg_lang lang = strstr(path, "-fr.") ? VG_LANG_FR : VG_LANG_EN;
    char *line = NULL, *in = NULL, date[16] = "";
    size_t cap = 0, len = 0;
    ssize_t n;
    int state = 0; /* 0 outside a case, 1 its input */
    while ((n = getline(&line, &cap, f)) >= 0) {
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (state == 0) {
            if (!strncmp(line, "example", 7))
                state = 1, len = 0, date[0] = 0;
            continue;
        }
        if (!strncmp(line, "@date ", 6) && !len) {
            snprintf(date, sizeof date, "%.10s", line + 6);
            continue;
        }
        if (!strcmp(line, ".")) {
            code_passage(d, fired, in ? in : "", len, lang, date);
            state = 0;
            continue;
        }
        char *g = realloc(in, len + (size_t)n + 2);
        if (!g)
            break;
        in = g;
        if (len)
            in[len++] = '\n';
        memcpy(in + len, line, (size_t)n + 1);
        len += (size_t)n;
    }
    free(line);
    free(in);
    return 1;
}

/* JSON Lines: every record with a "text" (gold files, whole-article files). */
static int code_jsonl_file(const vg_engine *e, vg_doc *d, vg_strset *fired, const char *path, FILE *f)
{
    vg_jrec r;
    vg_jrec_init(&r, &e->mem);
    char *line = NULL, err[256];
    size_t cap = 0;
    ssize_t n;
    int ok = 1;
    while ((n = getline(&line, &cap, f)) >= 0) {
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        if (!n)
            continue;
        if (vg_json_record(line, (size_t)n, &r, err, sizeof err) != VG_OK || !(r.has & (1u << VG_JF_TEXT))) {
            fprintf(stderr, "vigie dict stats: %s: a line without a text skipped\n", path);
            ok = 0;
            continue;
        }
        const char *lt = r.has & (1u << VG_JF_LANG) ? r.f[VG_JF_LANG].p : "";
        code_passage(d, fired, r.f[VG_JF_TEXT].p, r.f[VG_JF_TEXT].n, vg_lang_parse(lt, strlen(lt)),
                     r.has & (1u << VG_JF_DATE) ? r.f[VG_JF_DATE].p : NULL);
    }
    free(line);
    vg_jrec_release(&r);
    return ok;
}

/* Code every file's passages; the rules that fired go to fired. 0 when a file could not be read. */
static int code_exercised(const vg_engine *e, char **files, int nfiles, vg_strset *fired)
{
    vg_doc *d = NULL;
    if (vg_doc_new(e, &d) != VG_OK)
        return 0;
    int ok = 1;
    for (int i = 0; i < nfiles; i++) {
        FILE *f = fopen(files[i], "r");
        if (!f) {
            fprintf(stderr, "vigie dict stats: %s: cannot open\n", files[i]);
            ok = 0;
            continue;
        }
        int c;
        while ((c = getc(f)) == ' ' || c == '\n' || c == '\t' || c == '\r')
            ;
        if (c != EOF)
            ungetc(c, f);
        ok &= c == '{' ? code_jsonl_file(e, d, fired, files[i], f) : code_case_file(d, fired, files[i], f);
        fclose(f);
    }
    vg_doc_free(d);
    return ok;
}

static int run_stats(const vg_engine *e, char **files, int nfiles, int exercised)
{
    static vg_dict_counts c;
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    vg_strset *fired = NULL;
    int read_all = 1;
    if (exercised) {
        if (vg_strset_new(&mem, &fired) != VG_OK)
            return EXIT_FAILED;
        read_all = code_exercised(e, files, nfiles, fired);
    }
    printf("lang\tmeasure\tvalue\n");
    const vg_lang langs[] = { VG_LANG_FR, VG_LANG_EN };
    for (int l = 0; l < 2; l++) {
        const char *ln = vg_lang_name(langs[l]);
        vg_dict_stats(vg_engine_lexicon(e, langs[l]), &c);
        for (int k = 0; k < (int)(sizeof kinds / sizeof *kinds); k++)
            printf("%s\t%s_entries\t%zu\n%s\t%s_names\t%zu\n", ln, kinds[k], c.entries[k], ln, kinds[k], c.names[k]);
        printf("%s\tactors_with_dated_roles\t%zu\n%s\tcountries\t%zu\n", ln, c.dated_actors, ln, c.countries);
        iso_coverage(e, langs[l], ln);
        printf("%s\ttrigger_patterns\t%zu\n%s\tverb_patterns\t%zu\n", ln, c.patterns, ln, c.verb_patterns);
        if (fired)
            printf("%s\ttrigger_patterns_unexercised\t%zu\n", ln,
                   vg_dict_unexercised(vg_engine_lexicon(e, langs[l]), fired));
        printf("%s\tcameo_codes_with_pattern\t%zu\n%s\tcameo_codes_without_pattern\t%zu\n", ln, c.codes_covered, ln,
               c.nmissing);
        printf("%s\tcodes_without_pattern\t", ln);
        for (size_t i = 0; i < c.nmissing; i++)
            printf("%s%s", i ? " " : "", c.missing[i]);
        putchar('\n');
    }
    vg_strset_free(fired);
    if (fflush(stdout) != 0)
        return EXIT_FAILED;
    return read_all ? EXIT_ALL_OK : EXIT_SKIPPED;
}
