/* mkcorpus.c — write a synthetic French and English news corpus as JSON Lines, for `make bench`.
** Sentences are assembled from the project's own templates and word lists (below), with the
** typography of real copy: elisions, « » with no-break spaces, abbreviations, numbers, dates,
** inverted clitics. Deterministic (fixed seed), so runs compare.
** Usage: mkcorpus MEGABYTES > corpus.jsonl
**        mkcorpus -n DOCUMENTS > corpus.jsonl   (with a date, advancing as a feed's, and a URL on one
**                                                of 40 sites: the input of the ingest benchmark)
**        mkcorpus --page MEGABYTES > page.html  (one French news page of that size, its article
**                                                that many MB of paragraphs: the memory benchmark) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static unsigned pick(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}
#define PICK(a) a[pick(sizeof a / sizeof a[0])]

static const char *fr_subj[] = {
    "Le ministre des Affaires étrangères", "L’armée syrienne", "Le porte-parole du Kremlin",
    "M. Lavrov", "Mme Colonna", "Le gouvernement malien", "Les rebelles", "La police",
    "Le président turc", "Washington", "Moscou", "L’Union européenne", "Le Conseil de sécurité",
    "Les manifestants", "Le Premier ministre israélien", "L’opposition vénézuélienne",
    "Le chef de la diplomatie américaine", "Les forces de l’ordre", "Pékin", "L’ONU",
};
static const char *fr_verb[] = {
    "a condamné", "a rencontré", "accuse", "a démenti les propos de", "a appelé",
    "s’est entretenu avec", "a menacé", "a bombardé", "a critiqué", "a salué l’initiative de",
    "a expulsé deux diplomates de", "a signé un accord avec", "a rejeté l’offre de",
    "a promis une aide à", "a arrêté des membres de",
};
static const char *fr_obj[] = {
    "son homologue russe", "les autorités iraniennes", "Kiev", "l’Élysée", "le régime de Damas",
    "les jihadistes de l’État islamique", "Ankara", "le gouvernement d’Alger", "Rabat",
    "les séparatistes prorusses", "l’OTAN", "les Nations unies", "le Hamas", "Bamako",
};
static const char *fr_when[] = {
    "lundi", "mardi soir", "mercredi", "jeudi matin", "vendredi", "samedi", "dimanche",
    "le 14 juillet", "hier", "fin février", "le 06/05/2019", "cette semaine",
};
static const char *fr_tail[] = {
    ", selon l’agence officielle", " à Genève", ", a-t-il déclaré", " au cours d’une conférence de presse",
    ", d’après un communiqué", " malgré le cessez-le-feu", " après trois jours de combats",
    " lors d’un sommet à Bruxelles", ", a indiqué l’AFP", "",
};
static const char *fr_quote[] = {
    "« Nous ne céderons pas aux menaces », a affirmé le porte-parole.",
    "« C’est une violation flagrante du droit international », a-t-elle dit.",
    "« Le dialogue reste la seule voie », a souligné M. Le Drian.",
    "Selon l’Observatoire syrien des droits de l’homme, au moins 12 civils ont été tués.",
    "Plus de 10 000 personnes ont manifesté, d’après les organisateurs.",
    "Le bilan s’élève à 3,5 millions de déplacés depuis 2011.",
    "Qu’a-t-on obtenu ? Rien, répond un diplomate.",
};
static const char *en_subj[] = {
    "The foreign minister", "Russian forces", "A Kremlin spokesman", "Mr. Blinken",
    "The U.S. State Department", "Police", "Rebel fighters", "The Turkish president",
    "Washington", "Moscow", "The European Union", "The U.N. Security Council", "Protesters",
    "Israel's prime minister", "The Venezuelan opposition", "Beijing", "Gen. McKenzie",
    "Ukraine's defence ministry",
};
static const char *en_verb[] = {
    "condemned", "met", "accused", "denied claims by", "urged", "held talks with", "threatened",
    "shelled", "criticised", "welcomed a proposal by", "expelled two diplomats from",
    "signed an agreement with", "rejected an offer from", "pledged aid to", "arrested members of",
};
static const char *en_obj[] = {
    "his Russian counterpart", "Iranian officials", "Kyiv", "the White House",
    "the Damascus government", "Islamic State militants", "Ankara", "Algiers", "Rabat",
    "pro-Russian separatists", "NATO", "the United Nations", "Hamas", "Bamako",
};
static const char *en_when[] = {
    "on Monday", "on Tuesday evening", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
    "late on Sunday", "on July 14", "yesterday", "in late February", "on 2019-05-06", "this week",
};
static const char *en_tail[] = {
    ", the state news agency said", " in Geneva", ", he told reporters", " at a news conference",
    ", according to a statement", " despite the ceasefire", " after three days of fighting",
    " at a summit in Brussels", ", Reuters reported", "",
};
static const char *en_quote[] = {
    "“We will not give in to threats,” the spokesman said.",
    "“This is a flagrant violation of international law,” she told reporters.",
    "“Dialogue remains the only way forward,” said Mr. Guterres.",
    "At least 12 civilians were killed, according to the U.N. monitoring mission.",
    "More than 10,000 people took part in the protest, organisers said.",
    "The fighting has displaced 3.5 million people since 2011.",
    "What was achieved? Nothing, one diplomat said.",
};

/* One sentence of the language into b[0..cap); returns its length. */
static size_t sentence(char *b, size_t cap, int fr)
{
    if (pick(4) == 0)
        return (size_t)snprintf(b, cap, "%s", fr ? PICK(fr_quote) : PICK(en_quote));
    if (fr)
        return (size_t)snprintf(b, cap, "%s %s %s %s%s.", PICK(fr_subj), PICK(fr_verb), PICK(fr_obj),
                                PICK(fr_when), PICK(fr_tail));
    return (size_t)snprintf(b, cap, "%s %s %s %s%s.", PICK(en_subj), PICK(en_verb), PICK(en_obj), PICK(en_when),
                            PICK(en_tail));
}

/* A news page as a site serves one: furniture around an article of paragraphs (the templates hold
** no markup characters, so nothing needs escaping). A paragraph is a reported event and quotes
** and figures around it: an event every few hundred bytes, as in news copy, not in every sentence. */
static void page(size_t target)
{
    fputs("<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">\n"
          "<title>Diplomatie : une semaine de tensions | Le Quotidien</title>\n"
          "<meta property=\"article:published_time\" content=\"2016-07-15T08:30:00+02:00\">\n"
          "</head><body>\n<header><nav><a href=\"/\">Accueil</a> <a href=\"/monde\">Monde</a> "
          "<a href=\"/politique\">Politique</a></nav></header>\n<main><article>\n"
          "<h1>Diplomatie : une semaine de tensions</h1>\n",
          stdout);
    char b[1024];
    for (size_t written = 0; written < target;) {
        fputs("<p>", stdout);
        for (int i = 0, n = 3 + (int)pick(3); i < n; i++) {
            size_t k = i ? (size_t)snprintf(b, sizeof b, "%s", PICK(fr_quote)) : sentence(b, sizeof b, 1);
            fputs(b, stdout);
            putchar(i + 1 < n ? ' ' : '<');
            written += k + 1;
        }
        fputs("/p>\n", stdout);
        written += 7;
    }
    fputs("</article></main>\n<aside class=\"related\"><a href=\"/a\">Lire aussi</a></aside>\n"
          "<footer>© Le Quotidien</footer>\n</body></html>\n",
          stdout);
}

static void json_put(const char *s)
{
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            putchar('\\'), putchar(*s);
        else if (*s == '\n')
            fputs("\\n", stdout);
        else
            putchar(*s);
    }
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "--page")) {
        page((size_t)atol(argv[2]) << 20);
        return 0;
    }
    int feed = argc > 2 && !strcmp(argv[1], "-n");
    long mb = argc > 1 && !feed ? atol(argv[1]) : 50, ndocs = feed ? atol(argv[2]) : 0;
    size_t target = (size_t)mb << 20, written = 0;
    static char doc[65536];
    for (unsigned long id = 0; feed ? id < (unsigned long)ndocs : written < target; id++) {
        int fr = id % 2 == 0;
        size_t n = 0;
        int sents = 6 + (int)pick(10);
        for (int i = 0; i < sents; i++) {
            n += sentence(doc + n, sizeof doc - n, fr);
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s", pick(3) == 0 ? "\n\n" : " ");
        }
        printf("{\"id\":\"bench-%lu\",\"lang\":\"%s\",", id, fr ? "fr" : "en");
        if (feed) { /* 400 documents a day from 2015-01-01 */
            int y, m, d;
            vg_civil_from_days(vg_days_from_civil(2015, 1, 1) + (int32_t)(id / 400), &y, &m, &d);
            printf("\"date\":\"%04d-%02d-%02d\",\"url\":\"https://news%u.example/%lu\",", y, m, d, pick(40), id);
        }
        fputs("\"text\":\"", stdout);
        json_put(doc);
        fputs("\"}\n", stdout);
        written += n + 40;
    }
    return 0;
}
