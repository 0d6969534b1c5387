/* lex.c - lexer for the specification language (see lex.h, LANGUAGE.md). */
#include "lex.h"

#include <string.h>

#include "arena.h"

typedef struct lx_state {
    const char *file;            /* its file, stamped on every location */
    const char *buf;             /* input */
    size_t len;                  /* input length */
    size_t pos;                  /* next byte */
    int line;                    /* line of pos */
    size_t line_start;           /* offset of the line's first byte */
    lx_tokens toks;              /* output so far */
    size_t cap;                  /* capacity of toks.v */
    int errors;                  /* errors found by this lexer */
} lx_state;

#define LX_NAME_ITEM(tok, text) [tok] = "'" text "'",
static const char *const lx_names[T_COUNT_] = {
    [T_EOF] = "end of file",
    [T_ID] = "identifier",
    [T_INT] = "integer",
    [T_DUR] = "duration",
    [T_STR] = "string",
    LX_PUNCT(LX_NAME_ITEM)
    LX_KEYWORDS(LX_NAME_ITEM)
};
#undef LX_NAME_ITEM

#define LX_KW_ITEM(tok, text) { text, tok },
static const struct {
    const char *text;
    lx_kind kind;
} lx_keywords[] = { LX_KEYWORDS(LX_KW_ITEM) };
#undef LX_KW_ITEM

const char *lx_kind_name(lx_kind k)
{
    if ((unsigned)k >= T_COUNT_)
        return "token";
    return lx_names[k];
}

static loc lx_here(const lx_state *s)
{
    loc at;
    at.line = s->line;
    at.col = (int)(s->pos - s->line_start) + 1;
    at.file = s->file;
    return at;
}

static void lx_push(lx_state *s, lx_kind kind, loc at, const char *text, int64_t num)
{
    if (s->toks.n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        lx_token *v = ar_array(cap, sizeof *v);
        if (s->toks.n)
            memcpy(v, s->toks.v, s->toks.n * sizeof *v);
        s->toks.v = v;
        s->cap = cap;
    }
    lx_token *t = &s->toks.v[s->toks.n++];
    t->kind = kind;
    t->at = at;
    t->text = text;
    t->num = num;
}

/* Length of the valid UTF-8 sequence at p (1..4), or 0 if it is invalid. */
static size_t lx_utf8(const unsigned char *p, size_t avail)
{
    unsigned c = p[0];
    size_t n;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (avail < n)
        return 0;
    unsigned cp = c & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Report a bad byte at pos; returns how many bytes to skip (a whole valid
 * UTF-8 character, so that it is reported once). */
static size_t lx_bad_byte(lx_state *s)
{
    unsigned char c = (unsigned char)s->buf[s->pos];
    size_t utf8 = c >= 0x80 ? lx_utf8((const unsigned char *)s->buf + s->pos, s->len - s->pos) : 0;
    loc at = lx_here(s);
    if (c == 0)
        diag_error(at, "NUL byte in input");
    else if (c >= 0x80 && !utf8)
        diag_error(at, "invalid UTF-8 byte 0x%02x", c);
    else if (c >= 0x80)
        diag_error(at, "non-ASCII character outside a string or comment");
    else if (c < 0x20 || c == 0x7F)
        diag_error(at, "control character 0x%02x in input", c);
    else
        diag_error(at, "unexpected character '%c'", c);
    s->errors++;
    return utf8 ? utf8 : 1;
}

/* Check one byte (or UTF-8 sequence) inside a string or comment; returns its
 * length, or 0 after reporting an error. */
static size_t lx_text_char(lx_state *s)
{
    unsigned char c = (unsigned char)s->buf[s->pos];
    if (c >= 0x80) {
        size_t n = lx_utf8((const unsigned char *)s->buf + s->pos, s->len - s->pos);
        if (n)
            return n;
    } else if (c >= 0x20 || c == '\t') {
        return c == 0x7F ? 0 : 1;
    }
    return 0;
}

static void lx_newline(lx_state *s)
{
    s->pos++;
    s->line++;
    s->line_start = s->pos;
}

static void lx_block_comment(lx_state *s)
{
    loc start = lx_here(s);
    s->pos += 2;
    while (s->pos < s->len) {
        char c = s->buf[s->pos];
        if (c == '*' && s->pos + 1 < s->len && s->buf[s->pos + 1] == '/') {
            s->pos += 2;
            return;
        }
        if (c == '\n') {
            lx_newline(s);
            continue;
        }
        if (c == '\r') {
            s->pos++;
            continue;
        }
        size_t n = lx_text_char(s);
        s->pos += n ? n : lx_bad_byte(s);
    }
    diag_error(start, "unterminated comment");
    s->errors++;
}

static void lx_line_comment(lx_state *s)
{
    while (s->pos < s->len && s->buf[s->pos] != '\n') {
        if (s->buf[s->pos] == '\r') {
            s->pos++;
            continue;
        }
        size_t n = lx_text_char(s);
        s->pos += n ? n : lx_bad_byte(s);
    }
}

/* After an error inside a string: skip to just after its closing quote (or
 * to the end of the line), so that its contents are not lexed as code. */
static void lx_skip_string(lx_state *s)
{
    while (s->pos < s->len && s->buf[s->pos] != '"' && s->buf[s->pos] != '\n')
        s->pos += s->buf[s->pos] == '\\' && s->pos + 1 < s->len && s->buf[s->pos + 1] != '\n'
                      ? 2 : 1;
    if (s->pos < s->len && s->buf[s->pos] == '"')
        s->pos++;
}

static void lx_string(lx_state *s)
{
    loc start = lx_here(s);
    char *out = ar_alloc(LX_MAX_STRING + 1);
    size_t n = 0;
    s->pos++;
    for (;;) {
        if (s->pos >= s->len || s->buf[s->pos] == '\n') {
            diag_error(start, "unterminated string");
            s->errors++;
            return;
        }
        char c = s->buf[s->pos];
        if (c == '"')
            break;
        size_t w = 1;
        char dec = c;
        if (c == '\\') {
            char e = s->pos + 1 < s->len ? s->buf[s->pos + 1] : '\0';
            switch (e) {
            case '"': dec = '"'; break;
            case '\\': dec = '\\'; break;
            case 'n': dec = '\n'; break;
            case 't': dec = '\t'; break;
            default:
                s->pos++;
                if (s->pos < s->len && lx_text_char(s) == 1 && e != '\t')
                    diag_error(lx_here(s), "unknown escape '\\%c' in string", e);
                else
                    diag_error(lx_here(s), "invalid escape in string");
                s->errors++;
                lx_skip_string(s);
                return;
            }
            w = 2;
        } else {
            w = lx_text_char(s);
            if (!w) {
                s->pos += lx_bad_byte(s);
                lx_skip_string(s);
                return;
            }
        }
        if (n + (c == '\\' ? 1 : w) > LX_MAX_STRING) {
            diag_error(start, "string is longer than %d bytes", LX_MAX_STRING);
            s->errors++;
            lx_skip_string(s);
            return;
        }
        if (c == '\\')
            out[n++] = dec;
        else
            memcpy(out + n, s->buf + s->pos, w), n += w;
        s->pos += w;
    }
    s->pos++;
    out[n] = '\0';
    lx_push(s, T_STR, start, out, (int64_t)n);
}

static int lx_is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int lx_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static size_t lx_word_end(const lx_state *s, size_t p)
{
    while (p < s->len && (lx_is_alpha(s->buf[p]) || lx_is_digit(s->buf[p])))
        p++;
    return p;
}

static void lx_number(lx_state *s)
{
    loc start = lx_here(s);
    size_t begin = s->pos;
    int64_t v = 0;
    int big = 0;
    size_t p = s->pos;
    while (p < s->len && lx_is_digit(s->buf[p])) {
        if (v <= LX_MAX_INT)
            v = v * 10 + (s->buf[p] - '0');
        if (v > LX_MAX_INT)
            big = 1;
        p++;
    }
    size_t uend = lx_word_end(s, p);
    const char *unit = s->buf + p;
    size_t ulen = uend - p;
    int64_t scale = 0;
    if (ulen == 0)
        scale = 0;
    else if (ulen == 2 && memcmp(unit, "ms", 2) == 0)
        scale = 1;
    else if (ulen == 1 && unit[0] == 's')
        scale = 1000;
    else if (ulen == 3 && memcmp(unit, "min", 3) == 0)
        scale = 60000;
    else if (ulen == 1 && unit[0] == 'h')
        scale = 3600000;
    else
        scale = -1;
    s->pos = uend;
    if (scale < 0) {
        diag_error(start, "unknown duration unit '%.*s' (use ms, s, min or h)",
                   (int)(ulen > 16 ? 16 : ulen), unit);
        s->errors++;
        return;
    }
    if (big || (scale && v > LX_MAX_INT / scale)) {
        size_t tlen = uend - begin;
        diag_error(start, "%s '%.*s%s' is too large (the limit is %lld%s)",
                   scale ? "duration" : "integer", (int)(tlen > 20 ? 20 : tlen),
                   s->buf + begin, tlen > 20 ? "..." : "",
                   LX_MAX_INT, scale ? " ms" : "");
        s->errors++;
        return;
    }
    lx_push(s, scale ? T_DUR : T_INT, start, NULL, scale ? v * scale : v);
}

static void lx_word(lx_state *s)
{
    loc start = lx_here(s);
    size_t end = lx_word_end(s, s->pos);
    size_t n = end - s->pos;
    const char *w = s->buf + s->pos;
    s->pos = end;
    if (n > LX_MAX_IDENT) {
        diag_error(start, "identifier '%.20s...' is longer than %d characters", w, LX_MAX_IDENT);
        s->errors++;
        return;
    }
    for (size_t i = 0; i < sizeof lx_keywords / sizeof lx_keywords[0]; i++) {
        if (strlen(lx_keywords[i].text) == n && memcmp(lx_keywords[i].text, w, n) == 0) {
            lx_push(s, lx_keywords[i].kind, start, lx_keywords[i].text, 0);
            return;
        }
    }
    lx_push(s, T_ID, start, ar_strndup(w, n), 0);
}

/* Longest-match punctuation; returns 0 if the byte starts none. */
static int lx_punct(lx_state *s)
{
#define LX_P_ITEM(tok, text) { text, tok },
    static const struct {
        const char *text;
        lx_kind kind;
    } ps[] = { LX_PUNCT(LX_P_ITEM) };
#undef LX_P_ITEM
    size_t best = 0;
    lx_kind kind = T_EOF;
    for (size_t i = 0; i < sizeof ps / sizeof ps[0]; i++) {
        size_t n = strlen(ps[i].text);
        if (n > best && s->len - s->pos >= n && memcmp(s->buf + s->pos, ps[i].text, n) == 0) {
            best = n;
            kind = ps[i].kind;
        }
    }
    if (!best)
        return 0;
    lx_push(s, kind, lx_here(s), NULL, 0);
    s->pos += best;
    return 1;
}

int lx_lex(const char *file, const char *buf, size_t len, lx_tokens *out)
{
    lx_state s;
    memset(&s, 0, sizeof s);
    s.file = file;
    s.buf = buf;
    s.len = len;
    s.line = 1;
    while (s.pos < s.len && s.errors < DIAG_MAX_ERRORS) {
        char c = buf[s.pos];
        if (c == '\n')
            lx_newline(&s);
        else if (c == ' ' || c == '\t' || c == '\r')
            s.pos++;
        else if (c == '/' && s.pos + 1 < len && buf[s.pos + 1] == '/')
            lx_line_comment(&s);
        else if (c == '/' && s.pos + 1 < len && buf[s.pos + 1] == '*')
            lx_block_comment(&s);
        else if (c == '"')
            lx_string(&s);
        else if (lx_is_digit(c))
            lx_number(&s);
        else if (lx_is_alpha(c))
            lx_word(&s);
        else if (!lx_punct(&s))
            s.pos += lx_bad_byte(&s);
    }
    lx_push(&s, T_EOF, lx_here(&s), NULL, 0);
    *out = s.toks;
    return s.errors ? -1 : 0;
}
