/* cmd_codes.c — `vigie codes`: the CAMEO codebook compiled into vigie, as TSV. */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const char usage[] = "Usage: vigie codes [-h]\n"
                            "List every CAMEO event code vigie knows, as TSV with a header:\n"
                            "code, root, quad (1 verbal cooperation .. 4 material conflict), goldstein, name.\n";

int cmd_codes(int argc, char **argv)
{
    static const struct option longopts[] = { { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 } };
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (opt == 'h') {
            fputs(usage, stdout);
            return EXIT_ALL_OK;
        }
        return cli_usage_error("codes", "%s", "bad option");
    }
    if (optind < argc)
        return cli_usage_error("codes", "unexpected argument '%s'", argv[optind]);
    puts("code\troot\tquad\tgoldstein\tname");
    const vg_code_info *ci;
    for (size_t i = 0; (ci = vg_codebook(i)); i++)
        printf("%s\t%.2s\t%d\t%+.1f\t%s\n", ci->code, ci->code, ci->quad, (double)ci->goldstein, ci->name);
    return fflush(stdout) == 0 ? EXIT_ALL_OK : EXIT_FAILED;
}
