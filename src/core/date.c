/* date.c — civil dates as day numbers (days since 1970-01-01), the only date arithmetic vigie
** needs: role periods, "vendredi" before a publication date, "fin février". The algorithms are the
** well-known proleptic Gregorian conversions (H. Hinnant, "chrono-Compatible Low-Level Date
** Algorithms"), written here from that description. */
#include <stdlib.h>
#include <string.h>

#include "core.h"

int32_t vg_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + (int)doe - 719468);
}

void vg_civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = (int)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yy + (*m <= 2);
}

int vg_weekday(int32_t days) { return (int)(((days % 7) + 7 + 3) % 7); } /* 1970-01-01: Thursday */

bool vg_date_valid(const char *s, size_t n)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int y = atoi(s), m = (s[5] - '0') * 10 + s[6] - '0', d = (s[8] - '0') * 10 + s[9] - '0';
    static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

/* ---- vg_date_parse: the day of a machine-written timestamp ----
** Feeds, sitemaps and HTTP headers write dates for machines: ISO 8601 / RFC 3339 in Atom and
** sitemaps, RFC 822 (as amended by RFC 1123 and 2822) in RSS pubDate, the three HTTP-date forms in
** headers. Only the calendar day is kept, so the time and the zone are checked for shape and then
** dropped: shifting by the zone would move a 23:30 -05:00 article to the next day, which is not the
** day its dateline says. Anything else is refused rather than guessed, because a wrong date files
** every event of the article under the wrong day. */

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static bool digit(char c) { return c >= '0' && c <= '9'; }
static bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static size_t run_digits(const char *s, size_t n, size_t i)
{
    size_t k = 0;
    while (i + k < n && digit(s[i + k]))
        k++;
    return k;
}

static size_t run_alpha(const char *s, size_t n, size_t i)
{
    size_t k = 0;
    while (i + k < n && alpha(s[i + k]))
        k++;
    return k;
}

static size_t skip_blanks(const char *s, size_t n, size_t i)
{
    while (i < n && blank(s[i]))
        i++;
    return i;
}

/* Exactly k digits at *i (k <= 4, so no overflow), their value in *v. */
static bool fixed_digits(const char *s, size_t n, size_t *i, int k, int *v)
{
    if (n - *i < (size_t)k)
        return false;
    int x = 0;
    for (int j = 0; j < k; j++) {
        if (!digit(s[*i + j]))
            return false;
        x = x * 10 + s[*i + j] - '0';
    }
    *i += (size_t)k;
    *v = x;
    return true;
}

/* Is the word s[0..k) one of names (lower case), ignoring case? Returns its index + 1, or 0. */
static int word_in(const char *s, size_t k, const char *const *names)
{
    for (int w = 0; names[w]; w++) {
        size_t j = 0;
        while (j < k && names[w][j] && (s[j] | 0x20) == names[w][j])
            j++;
        if (j == k && !names[w][j])
            return w + 1;
    }
    return 0;
}

/* 1..12 for an English month name or its three-letter abbreviation ("Sept" too: common enough in
** hand-rolled feeds to be worth the entry); 0 otherwise. */
static int month_word(const char *s, size_t k)
{
    static const char *const names[] = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "sept", NULL
    };
    int w = word_in(s, k, names);
    return w == 25 ? 9 : w > 12 ? w - 12 : w;
}

static bool weekday_word(const char *s, size_t k)
{
    static const char *const names[] = {
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", NULL
    };
    return word_in(s, k, names) != 0;
}

/* A zone name: RFC 822's (UT, GMT, the North American ones, the military letters) and the
** European and Asian abbreviations that real feeds write although no RFC defines them. */
static bool zone_word(const char *s, size_t k)
{
    static const char *const names[] = {
        "ut", "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest",
        "met", "mest", "wet", "west", "eet", "eest", "bst", "ist", "msk", "jst", "hkt", "sgt",
        "aest", "aedt", NULL
    };
    if (k == 1)
        return (s[0] | 0x20) != 'j';
    return word_in(s, k, names) != 0;
}

/* hh:mm[:ss[.frac]], or the basic hhmm[ss[.frac]] when basic is allowed. */
static bool clock_time(const char *s, size_t n, size_t *i, bool basic, bool frac)
{
    int h, m, sec;
    if (!fixed_digits(s, n, i, 2, &h) || h > 23)
        return false;
    bool ext = *i < n && s[*i] == ':';
    if (!ext && !basic)
        return false;
    *i += ext;
    if (!fixed_digits(s, n, i, 2, &m) || m > 59)
        return false;
    if (ext ? *i < n && s[*i] == ':' : run_digits(s, n, *i) > 0) {
        *i += ext;
        if (!fixed_digits(s, n, i, 2, &sec) || sec > 60) /* 60: a leap second */
            return false;
        if (frac && *i < n && (s[*i] == '.' || s[*i] == ',')) {
            size_t k = run_digits(s, n, *i + 1);
            if (!k)
                return false;
            *i += 1 + k;
        }
    }
    return true;
}

/* +hh:mm, +hhmm or +hh (or -). */
static bool zone_offset(const char *s, size_t n, size_t *i)
{
    if (*i >= n || (s[*i] != '+' && s[*i] != '-'))
        return false;
    ++*i;
    int h, m;
    if (!fixed_digits(s, n, i, 2, &h) || h > 23)
        return false;
    if (*i < n && s[*i] == ':') {
        ++*i;
        return fixed_digits(s, n, i, 2, &m) && m <= 59;
    }
    if (run_digits(s, n, *i) > 0)
        return fixed_digits(s, n, i, 2, &m) && m <= 59;
    return true;
}

/* What may follow a time: blanks, a zone (a name, an offset, or a name then an offset as in
** "GMT+02:00"), and an RFC 2822 comment such as "(CEST)". True when that reaches the end. */
static bool time_tail(const char *s, size_t n, size_t i)
{
    i = skip_blanks(s, n, i);
    size_t k = run_alpha(s, n, i);
    if (k) {
        if (!zone_word(s + i, k))
            return false;
        i += k;
        if (i < n && (s[i] == '+' || s[i] == '-') && !zone_offset(s, n, &i))
            return false;
    } else if (i < n && (s[i] == '+' || s[i] == '-') && !zone_offset(s, n, &i)) {
        return false;
    }
    i = skip_blanks(s, n, i);
    if (i < n && s[i] == '(') {
        while (i < n && s[i] != ')')
            i++;
        if (i == n)
            return false;
        i = skip_blanks(s, n, i + 1);
    }
    return i == n;
}

/* 2016-07-15, 2016-07-15T08:30:00.5+02:00, 2016-07-15 08:30:00Z, 20160715, 20160715T083000Z. */
static bool iso_date(const char *s, size_t n, int *y, int *m, int *d)
{
    size_t i = 0, k = run_digits(s, n, 0);
    if (k == 4 && i + 4 < n && s[4] == '-') {
        if (!fixed_digits(s, n, &i, 4, y) || s[i++] != '-' || !fixed_digits(s, n, &i, 2, m) ||
            i >= n || s[i++] != '-' || !fixed_digits(s, n, &i, 2, d))
            return false;
        if (i == n)
            return true;
        if (s[i] == 'T' || s[i] == 't')
            i++;
        else if (blank(s[i]))
            i = skip_blanks(s, n, i);
        else
            return false;
        return clock_time(s, n, &i, false, true) && time_tail(s, n, i);
    }
    if (k != 8) /* the compact form, and only alone or with a time: 201607150830 is a number */
        return false;
    fixed_digits(s, n, &i, 4, y);
    fixed_digits(s, n, &i, 2, m);
    fixed_digits(s, n, &i, 2, d);
    if (i == n)
        return true;
    if (s[i] != 'T' && s[i] != 't')
        return false;
    i++;
    return clock_time(s, n, &i, true, true) && time_tail(s, n, i);
}

/* Year of 2 or 4 digits; two digits are read as RFC 2822 says (obs-year): 70-99 are 19xx. */
static bool rfc_year(const char *s, size_t n, size_t *i, int *y)
{
    size_t k = run_digits(s, n, *i);
    if (k != 2 && k != 4)
        return false;
    fixed_digits(s, n, i, (int)k, y);
    if (k == 2)
        *y += *y >= 70 ? 1900 : 2000;
    return true;
}

/* RFC 822/1123/2822 ("Fri, 15 Jul 2016 08:30:00 +0200", "15 Jul 16 08:30 GMT"), RFC 850 as HTTP
** still accepts it ("Friday, 15-Jul-16 08:30:00 GMT") and C's asctime ("Fri Jul 15 08:30:00 2016",
** and date(1)'s "Fri Jul 15 08:30:00 CEST 2016"). The weekday is optional and not checked against
** the date: feeds get it wrong more often than they get the day wrong. */
static bool rfc_date(const char *s, size_t n, int *y, int *m, int *d)
{
    size_t i = 0, k = run_alpha(s, n, 0);
    if (k && weekday_word(s, k)) {
        i = k;
        if (i < n && s[i] == ',')
            i++;
        else if (i == n || !blank(s[i]))
            return false;
        i = skip_blanks(s, n, i);
        k = run_alpha(s, n, i);
    }
    if (k) { /* asctime: month day time [zone] year */
        if (!(*m = month_word(s + i, k)))
            return false;
        i = skip_blanks(s, n, i + k);
        k = run_digits(s, n, i);
        if (k < 1 || k > 2 || !fixed_digits(s, n, &i, (int)k, d) || i == n || !blank(s[i]))
            return false;
        i = skip_blanks(s, n, i);
        if (!clock_time(s, n, &i, false, false) || i == n || !blank(s[i]))
            return false;
        i = skip_blanks(s, n, i);
        if ((k = run_alpha(s, n, i))) {
            if (!zone_word(s + i, k))
                return false;
            i = skip_blanks(s, n, i + k);
        }
        if (run_digits(s, n, i) != 4 || !fixed_digits(s, n, &i, 4, y))
            return false;
        return skip_blanks(s, n, i) == n;
    }
    k = run_digits(s, n, i);
    if (k < 1 || k > 2 || !fixed_digits(s, n, &i, (int)k, d) || i == n)
        return false;
    bool dash = s[i] == '-';
    if (!dash && !blank(s[i]))
        return false;
    i = dash ? i + 1 : skip_blanks(s, n, i);
    k = run_alpha(s, n, i);
    if (!(*m = month_word(s + i, k)))
        return false;
    i += k;
    if (i == n || (dash ? s[i] != '-' : !blank(s[i])))
        return false;
    i = dash ? i + 1 : skip_blanks(s, n, i);
    if (!rfc_year(s, n, &i, y))
        return false;
    if (i == n)
        return true;
    if (!blank(s[i]))
        return false;
    i = skip_blanks(s, n, i);
    return clock_time(s, n, &i, false, false) && time_tail(s, n, i);
}

bool vg_date_parse(const char *s, size_t n, char out[11])
{
    if (!s)
        return false;
    while (n && blank(*s))
        s++, n--;
    while (n && blank(s[n - 1]))
        n--;
    if (!n)
        return false;
    int y = 0, m = 0, d = 0;
    bool ok = digit(s[0]) && run_digits(s, n, 0) > 2 ? iso_date(s, n, &y, &m, &d) : rfc_date(s, n, &y, &m, &d);
    if (!ok || y < 1900 || y > 2100)
        return false;
    char tmp[11] = { (char)('0' + y / 1000), (char)('0' + y / 100 % 10), (char)('0' + y / 10 % 10),
                     (char)('0' + y % 10),    '-', (char)('0' + m / 10), (char)('0' + m % 10), '-',
                     (char)('0' + d / 10),     (char)('0' + d % 10), 0 }; /* m, d < 100: 2 digits */
    if (!vg_date_valid(tmp, 10)) /* the calendar check: 2016-02-30, month 13 */
        return false;
    memcpy(out, tmp, 11);
    return true;
}
