// langid_cld2.cc — the one C++ file: a C shim over CLD2 (Debian's libcld2), whose API is C++ only.
// CLD2 is Google's compact language detector, trained on web text in 80+ languages; vigie asks it
// only "which language is this", and only on the first VG_LANGID_BYTES of a document.
#include <cstdio> // compact_lang_det.h uses FILE without including it
#include <cld2/public/compact_lang_det.h>
#include <cstring>

extern "C" int vg_cld2_detect(const char *s, size_t n, char code[8], int *reliable)
{
    bool rel = false;
    int valid_prefix = 0;
    CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(s, static_cast<int>(n), true, &rel,
                                                        &valid_prefix);
    const char *c = CLD2::LanguageCode(lang);
    std::strncpy(code, c ? c : "un", 7);
    code[7] = 0;
    *reliable = rel && lang != CLD2::UNKNOWN_LANGUAGE;
    return 0;
}
