/* cmd_dict.c — `vigie dict stats`: what the dictionaries hold, per language, as TSV: entries per
** kind, actors with dated roles, countries, trigger patterns, and the CAMEO codes a language has
** no pattern for (the gap a dictionary writer closes first). `vigie dict import`: other coders'
** dictionaries made into a vigie dictionary directory. */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "dict.h"
#include "engine.h"

static const char usage[] =
    "Usage: vigie dict stats [-D DIR] [--dict DIR]\n"
    "       vigie dict import --from petrarch -o OUTDIR FILE...\n\n"
    "What the dictionaries hold, per language, as TSV on stdout (lang, measure, value): entries and\n"
    "names of people, organisations, country names, adjectives, inhabitants, capitals, seats of\n"
    "power, cities and agents; actors with dated roles; countries named, and the ISO 3166-1\n"
    "countries named (and those not); trigger patterns (of which verb patterns); CAMEO codes with a\n"
    "pattern, and the list of those without one.\n\n"
    "  -D, --data DIR   the data directory (default: $VIGIE_DATA, else the built-in one)\n"
    "      --dict DIR   the dictionary directory (default: DIR/dict of the data directory)\n"
    "  -h, --help       this help\n\n"
    "import converts PETRARCH / TABARI dictionaries (actors, agents, verbs with patterns and\n"
    "synsets, discards; told apart by file name, else by content) into a dictionary directory\n"
    "OUTDIR for --dict. Every entry it cannot convert is reported on stderr with its file, line and\n"
    "reason; a summary line ends the report.\n\n"
    "  -f, --from FORMAT  petrarch (the only one)\n"
    "  -o, --out OUTDIR   the directory to write (created; its files are replaced)\n"
    "\nExit status: 0 done (stats; import with every entry converted), 1 import with entries not\n"
    "converted, 2 usage error, 3 the dictionaries could not be loaded or written.\n";

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

int cmd_dict(int argc, char **argv)
{
    static const struct option longopts[] = { { "data", required_argument, 0, 'D' }, { "dict", required_argument, 0, 'K' },
                                              { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 } };
    const char *data = NULL, *dict = NULL;
    int opt;
    optind = 1;
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(usage, stdout);
        return EXIT_ALL_OK;
    }
    if (argc >= 2 && !strcmp(argv[1], "import"))
        return cmd_import(argc - 1, argv + 1);
    if (argc < 2 || strcmp(argv[1], "stats")) {
        cli_usage_error("dict", "unknown or missing subcommand '%s' (stats, import)", argc >= 2 ? argv[1] : "");
        return EXIT_USAGE;
    }
    argc--, argv++;
    while ((opt = getopt_long(argc, argv, "D:h", longopts, NULL)) != -1) {
        if (opt == 'D')
            data = optarg;
        else if (opt == 'K')
            dict = optarg;
        else if (opt == 'h') {
            fputs(usage, stdout);
            return EXIT_ALL_OK;
        } else {
            cli_usage_error("dict", "%s", "bad option");
            return EXIT_USAGE;
        }
    }
    vg_options o = { 0 };
    o.data_dir = data;
    o.dict_dir = dict;
    vg_engine *e = NULL;
    if (vg_engine_open(&o, &e) != VG_OK) {
        fprintf(stderr, "vigie dict: cannot load dictionaries: %s\n", vg_engine_errmsg(e));
        vg_engine_close(e);
        return EXIT_FAILED;
    }
    static vg_dict_counts c;
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
        printf("%s\tcameo_codes_with_pattern\t%zu\n%s\tcameo_codes_without_pattern\t%zu\n", ln, c.codes_covered, ln,
               c.nmissing);
        printf("%s\tcodes_without_pattern\t", ln);
        for (size_t i = 0; i < c.nmissing; i++)
            printf("%s%s", i ? " " : "", c.missing[i]);
        putchar('\n');
    }
    vg_engine_close(e);
    return fflush(stdout) == 0 ? EXIT_ALL_OK : EXIT_FAILED;
}
