/* test_lex.c - lx_lex() on buffers: token kinds and values, keywords,
 * longest-match punctuation, locations, strings, and located errors. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "arena.h"
#include "diag.h"
#include "lex.h"
#include "suites.h"
#include "testutil.h"

static FILE *lex_out;                  /* diagnostics of the test being run */
static char lex_diag[8192];            /* what the last lex() printed */

/* Lex a NUL-terminated source; returns lx_lex's result. */
static int lex_n(const char *src, size_t len, lx_tokens *t)
{
    rewind(lex_out);
    if (ftruncate(fileno(lex_out), 0) != 0)
        return -2;
    diag_init("t.fsm", lex_out);
    int rc = lx_lex("t.fsm", src, len, t);
    fflush(lex_out);
    rewind(lex_out);
    size_t got = fread(lex_diag, 1, sizeof lex_diag - 1, lex_out);
    lex_diag[got] = '\0';
    return rc;
}

static int lex(const char *src, lx_tokens *t)
{
    return lex_n(src, strlen(src), t);
}

static int lex_init(void)
{
    lex_out = tmpfile();
    return lex_out ? 0 : -1;
}

static int lex_clean(void)
{
    ar_free_all();
    if (lex_out)
        fclose(lex_out);
    return 0;
}

/* The token kinds of src, ending with T_EOF, equal want[0..n). */
static void expect_kinds(const char *src, const lx_kind *want, size_t n, unsigned line)
{
    lx_tokens t;
    int rc = lex(src, &t);
    tu_check(rc == 0 && diag_count() == 0, line, __FILE__, "'%s' lexes without error (%s)",
             src, lex_diag);
    if (rc != 0)
        return;
    int same = t.n == n;
    for (size_t i = 0; same && i < n; i++)
        same = t.v[i].kind == want[i];
    char got[512] = "";
    for (size_t i = 0; i < t.n && strlen(got) < 400; i++)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s ", lx_kind_name(t.v[i].kind));
    tu_check(same, line, __FILE__, "'%s' lexes as the expected tokens, got: %s", src, got);
    ar_free_all();
}

#define EXPECT_KINDS(src, ...)                                                   \
    do {                                                                         \
        static const lx_kind want_[] = { __VA_ARGS__ };                          \
        expect_kinds(src, want_, sizeof want_ / sizeof want_[0], __LINE__);      \
    } while (0)

static void test_kinds_of_a_declaration(void)
{
    EXPECT_KINDS("command c \"d\" timeout 10s { outcome ok when x >= 2 { } }",
                 K_COMMAND, T_ID, T_STR, K_TIMEOUT, T_DUR, T_LBRACE, T_ID, T_ID, K_WHEN,
                 T_ID, T_GE, T_INT, T_LBRACE, T_RBRACE, T_RBRACE, T_EOF);
    EXPECT_KINDS("plant r : array[2] of role = [MASTER, BACKUP];",
                 K_PLANT, T_ID, T_COLON, K_ARRAY, T_LBRACK, T_INT, T_RBRACK, K_OF, T_ID,
                 T_ASSIGN, T_LBRACK, T_ID, T_COMMA, T_ID, T_RBRACK, T_SEMI, T_EOF);
    EXPECT_KINDS("", T_EOF);
    EXPECT_KINDS("  // only a comment\n/* and\na block */\t\r\n", T_EOF);
}

static void test_keywords_and_identifiers(void)
{
#define KW_CHECK(tok, text) EXPECT_KINDS(text, tok, T_EOF);
    LX_KEYWORDS(KW_CHECK)
#undef KW_CHECK
    /* a keyword is a whole word: prefixes, suffixes and other cases are names */
    EXPECT_KINDS("states stat _state state_ State STATE", T_ID, T_ID, T_ID, T_ID, T_ID, T_ID,
                 T_EOF);
    EXPECT_KINDS("U u UU", K_UNTIL, T_ID, T_ID, T_EOF);
    /* 'outcome' is a keyword only inside a command, so it lexes as a name */
    EXPECT_KINDS("outcome", T_ID, T_EOF);
    lx_tokens t;
    if (TU_CHECK(lex("_x9 fpc_ready", &t) == 0, "identifiers lex (%s)", lex_diag)) {
        TU_CHECK(strcmp(t.v[0].text, "_x9") == 0, "identifier text is '_x9', got '%s'",
                 t.v[0].text);
        TU_CHECK(strcmp(t.v[1].text, "fpc_ready") == 0, "identifier text is 'fpc_ready'");
    }
    ar_free_all();
}

/* The single number token of src has kind k and value v. */
static void expect_number(const char *src, lx_kind k, int64_t v, unsigned line)
{
    lx_tokens t;
    int rc = lex(src, &t);
    tu_check(rc == 0 && t.n == 2 && t.v[0].kind == k && t.v[0].num == v, line, __FILE__,
             "'%s' is %s %lld (got rc %d, %zu tokens, kind %s, value %lld) %s", src,
             lx_kind_name(k), (long long)v, rc, rc == 0 ? t.n : 0,
             rc == 0 ? lx_kind_name(t.v[0].kind) : "-", rc == 0 ? (long long)t.v[0].num : 0,
             lex_diag);
    ar_free_all();
}

static void test_integers_and_durations(void)
{
    expect_number("0", T_INT, 0, __LINE__);
    expect_number("42", T_INT, 42, __LINE__);
    expect_number("007", T_INT, 7, __LINE__);
    expect_number("2147483647", T_INT, 2147483647LL, __LINE__);
    expect_number("250ms", T_DUR, 250, __LINE__);
    expect_number("2s", T_DUR, 2000, __LINE__);
    expect_number("240s", T_DUR, 240000, __LINE__);
    expect_number("20min", T_DUR, 1200000, __LINE__);
    expect_number("1h", T_DUR, 3600000, __LINE__);
    expect_number("0s", T_DUR, 0, __LINE__);
    expect_number("2147483647ms", T_DUR, 2147483647LL, __LINE__);
    expect_number("596h", T_DUR, 2145600000LL, __LINE__);
    expect_number("35791min", T_DUR, 2147460000LL, __LINE__);
    /* a range does not swallow its dots into a number */
    EXPECT_KINDS("1..12", T_INT, T_DOTDOT, T_INT, T_EOF);
    EXPECT_KINDS("2s..3", T_DUR, T_DOTDOT, T_INT, T_EOF);
}

static void test_longest_match_punctuation(void)
{
    EXPECT_KINDS("<->", T_IFF, T_EOF);
    EXPECT_KINDS("<>", T_EVENTUALLY, T_EOF);
    EXPECT_KINDS("[]", T_ALWAYS, T_EOF);
    EXPECT_KINDS("[ ]", T_LBRACK, T_RBRACK, T_EOF);
    EXPECT_KINDS("..", T_DOTDOT, T_EOF);
    EXPECT_KINDS("...", T_DOTDOT, T_DOT, T_EOF);
    EXPECT_KINDS("->", T_ARROW, T_EOF);
    EXPECT_KINDS("- >", T_MINUS, T_GT, T_EOF);
    EXPECT_KINDS("<-", T_LT, T_MINUS, T_EOF);
    EXPECT_KINDS("<=>", T_LE, T_GT, T_EOF);
    EXPECT_KINDS("<<->>", T_LT, T_IFF, T_GT, T_EOF);
    EXPECT_KINDS("== = != ! && || <= >= < >", T_EQ, T_ASSIGN, T_NE, T_NOT, T_AND, T_OR, T_LE,
                 T_GE, T_LT, T_GT, T_EOF);
    EXPECT_KINDS("[]<>x", T_ALWAYS, T_EVENTUALLY, T_ID, T_EOF);
    EXPECT_KINDS("a[i].state", T_ID, T_LBRACK, T_ID, T_RBRACK, T_DOT, K_STATE, T_EOF);
    EXPECT_KINDS("c.timeout", T_ID, T_DOT, K_TIMEOUT, T_EOF);
    EXPECT_KINDS("x-1", T_ID, T_MINUS, T_INT, T_EOF);
}

/* Token i of src starts at line l, column c. */
static void expect_at(const char *src, size_t i, int l, int c, unsigned line)
{
    lx_tokens t;
    int rc = lex(src, &t);
    int ok = rc == 0 && i < t.n && t.v[i].at.line == l && t.v[i].at.col == c;
    tu_check(ok, line, __FILE__, "token %zu of the source is at %d:%d (got %d:%d, rc %d)", i, l,
             c, ok || rc || i >= t.n ? 0 : t.v[i].at.line, ok || rc || i >= t.n ? 0 : t.v[i].at.col,
             rc);
    ar_free_all();
}

static void test_lines_and_columns(void)
{
    expect_at("a b", 0, 1, 1, __LINE__);
    expect_at("a b", 1, 1, 3, __LINE__);
    expect_at("a\nb", 1, 2, 1, __LINE__);
    expect_at("a\r\nb", 1, 2, 1, __LINE__);            /* CRLF: one line end */
    expect_at("a\r\n\r\n  b", 1, 3, 3, __LINE__);
    expect_at("\tb", 0, 1, 2, __LINE__);               /* a tab is one byte */
    expect_at("a\r\n\t\tb", 1, 2, 3, __LINE__);
    expect_at("\"caf\xc3\xa9\" x", 1, 1, 9, __LINE__);  /* columns count bytes */
    expect_at("/* one\r\ntwo */ x", 0, 2, 8, __LINE__);
    expect_at("// c\r\nx", 0, 2, 1, __LINE__);
    expect_at("a", 1, 1, 2, __LINE__);                 /* end of file after the last byte */
    expect_at("a\n", 1, 2, 1, __LINE__);
}

static void test_strings(void)
{
    lx_tokens t;
    int rc = lex("\"a\\\"b\\\\c\\nd\\te\"", &t);
    if (TU_CHECK(rc == 0 && t.v[0].kind == T_STR, "a string with escapes lexes (%s)", lex_diag)) {
        TU_CHECK(strcmp(t.v[0].text, "a\"b\\c\nd\te") == 0, "escapes are decoded, got '%s'",
                 t.v[0].text);
        TU_CHECK(t.v[0].num == 9, "the decoded length is 9 bytes, got %lld",
                 (long long)t.v[0].num);
    }
    ar_free_all();
    rc = lex("\"ISSU: d\xc3\xa9marrage \xe2\x86\x92 \xf0\x9f\x98\x80\"", &t);
    if (TU_CHECK(rc == 0 && t.v[0].kind == T_STR, "UTF-8 text in a string lexes (%s)", lex_diag))
        TU_CHECK(strcmp(t.v[0].text, "ISSU: d\xc3\xa9marrage \xe2\x86\x92 \xf0\x9f\x98\x80") == 0,
                 "UTF-8 text is kept byte for byte, got '%s'", t.v[0].text);
    ar_free_all();
    rc = lex("\"\" \"tab\there\"", &t);
    if (TU_CHECK(rc == 0 && t.n == 3, "an empty string and a raw tab lex (%s)", lex_diag)) {
        TU_CHECK(strcmp(t.v[0].text, "") == 0 && t.v[0].num == 0, "the empty string is empty");
        TU_CHECK(strcmp(t.v[1].text, "tab\there") == 0, "a raw tab is kept");
    }
    ar_free_all();
    /* the longest string allowed, 4095 bytes, and one past it */
    static char buf[LX_MAX_STRING + 8];
    buf[0] = '"';
    memset(buf + 1, 'x', LX_MAX_STRING);
    buf[LX_MAX_STRING + 1] = '"';
    buf[LX_MAX_STRING + 2] = '\0';
    rc = lex(buf, &t);
    TU_CHECK(rc == 0 && t.v[0].kind == T_STR && t.v[0].num == LX_MAX_STRING,
             "a %d-byte string is accepted (%s)", LX_MAX_STRING, lex_diag);
    ar_free_all();
    buf[0] = '"';
    memset(buf + 1, 'x', LX_MAX_STRING + 1);
    buf[LX_MAX_STRING + 2] = '"';
    buf[LX_MAX_STRING + 3] = '\0';
    rc = lex(buf, &t);
    TU_CHECK(rc == -1 && strstr(lex_diag, "t.fsm:1:1: error: string is longer than 4095 bytes"),
             "a 4096-byte string is an error located at its quote, got: %s", lex_diag);
    ar_free_all();
}

static void test_limits_of_names_and_numbers(void)
{
    char id[LX_MAX_IDENT + 2];
    memset(id, 'a', LX_MAX_IDENT);
    id[LX_MAX_IDENT] = '\0';
    lx_tokens t;
    int rc = lex(id, &t);
    TU_CHECK(rc == 0 && t.v[0].kind == T_ID && strlen(t.v[0].text) == LX_MAX_IDENT,
             "a %d-character identifier is accepted (%s)", LX_MAX_IDENT, lex_diag);
    ar_free_all();
    id[LX_MAX_IDENT] = 'a';
    id[LX_MAX_IDENT + 1] = '\0';
    rc = lex(id, &t);
    TU_CHECK(rc == -1 && strstr(lex_diag, "t.fsm:1:1: error: identifier 'aaaaaaaaaaaaaaaaaaaa...'"
                                          " is longer than 63 characters"),
             "a 64-character identifier is an error, got: %s", lex_diag);
    ar_free_all();
}

/* src does not lex: -1, a diagnostic count, and this first diagnostic. */
static void expect_error(const char *src, size_t len, const char *first, unsigned line)
{
    lx_tokens t;
    int rc = lex_n(src, len, &t);
    tu_check(rc == -1 && diag_count() > 0, line, __FILE__,
             "bad input is an error: rc %d, %d diagnostics", rc, diag_count());
    size_t n = strlen(first);
    tu_check(strncmp(lex_diag, first, n) == 0 && lex_diag[n] == '\n', line, __FILE__,
             "first diagnostic is '%s', got: %s", first, lex_diag);
    ar_free_all();
}

#define EXPECT_ERROR(src, first) expect_error(src, sizeof(src) - 1, first, __LINE__)

static void test_errors_are_located(void)
{
    EXPECT_ERROR("a @", "t.fsm:1:3: error: unexpected character '@'");
    EXPECT_ERROR("a & b", "t.fsm:1:3: error: unexpected character '&'");
    EXPECT_ERROR("a\n |", "t.fsm:2:2: error: unexpected character '|'");
    EXPECT_ERROR("a\0b", "t.fsm:1:2: error: NUL byte in input");
    EXPECT_ERROR("a \x01", "t.fsm:1:3: error: control character 0x01 in input");
    EXPECT_ERROR("a \x7f", "t.fsm:1:3: error: control character 0x7f in input");
    EXPECT_ERROR("\xff", "t.fsm:1:1: error: invalid UTF-8 byte 0xff");
    EXPECT_ERROR("x \xc3\xa9", "t.fsm:1:3: error: non-ASCII character outside a string or comment");
    EXPECT_ERROR("\"abc", "t.fsm:1:1: error: unterminated string");
    EXPECT_ERROR("\"abc\nx\"", "t.fsm:1:1: error: unterminated string");
    EXPECT_ERROR("x /* abc", "t.fsm:1:3: error: unterminated comment");
    EXPECT_ERROR("\"a\\qb\"", "t.fsm:1:4: error: unknown escape '\\q' in string");
    EXPECT_ERROR("2147483648", "t.fsm:1:1: error: integer '2147483648' is too large "
                               "(the limit is 2147483647)");
    EXPECT_ERROR("2147483648ms", "t.fsm:1:1: error: duration '2147483648ms' is too large "
                                 "(the limit is 2147483647 ms)");
    EXPECT_ERROR("597h", "t.fsm:1:1: error: duration '597h' is too large "
                         "(the limit is 2147483647 ms)");
    EXPECT_ERROR("10sec", "t.fsm:1:1: error: unknown duration unit 'sec' (use ms, s, min or h)");
    EXPECT_ERROR("3m", "t.fsm:1:1: error: unknown duration unit 'm' (use ms, s, min or h)");
    EXPECT_ERROR("12ab", "t.fsm:1:1: error: unknown duration unit 'ab' (use ms, s, min or h)");
    EXPECT_ERROR("\"\xed\xa0\x80\"", "t.fsm:1:2: error: invalid UTF-8 byte 0xed");  /* surrogate */
    EXPECT_ERROR("\"\xc0\xaf\"", "t.fsm:1:2: error: invalid UTF-8 byte 0xc0");      /* overlong */
    EXPECT_ERROR("\"\xe2\x9c", "t.fsm:1:2: error: invalid UTF-8 byte 0xe2");        /* truncated */
    EXPECT_ERROR("// \xf5\x80\x80\x80", "t.fsm:1:4: error: invalid UTF-8 byte 0xf5"); /* > U+10FFFF */
}

/* One bad byte inside a string or comment is one error: the lexer reports it
 * once and goes on after the string or comment, not inside it as code. */
static void expect_one_error(const char *src, size_t len, unsigned line)
{
    lx_tokens t;
    int rc = lex_n(src, len, &t);
    tu_check(rc == -1 && diag_count() == 1, line, __FILE__,
             "exactly one diagnostic for one bad byte, got %d: %s", diag_count(), lex_diag);
    ar_free_all();
}

#define EXPECT_ONE_ERROR(src) expect_one_error(src, sizeof(src) - 1, __LINE__)

static void test_one_bad_byte_is_one_error(void)
{
    EXPECT_ONE_ERROR("operator go \"bad \xff byte\";");
    EXPECT_ONE_ERROR("operator go \"a \\q b\";");
    EXPECT_ONE_ERROR("operator go; // bad \xff then @ # $");
    EXPECT_ONE_ERROR("/* bad \xff comment */ operator go;");
    EXPECT_ONE_ERROR("operator caf\xc3\xa9;");
}

static void test_error_flood_is_capped(void)
{
    char src[1000];
    memset(src, '@', sizeof src);
    lx_tokens t;
    int rc = lex_n(src, sizeof src, &t);
    TU_CHECK(rc == -1 && diag_count() >= DIAG_MAX_ERRORS, "1000 bad bytes are errors");
    TU_CHECK(tu_count_lines(lex_diag) == DIAG_MAX_ERRORS + 1,
             "at most %d diagnostics and one 'too many errors' line are printed, got %d lines",
             DIAG_MAX_ERRORS, tu_count_lines(lex_diag));
    TU_CHECK(strstr(lex_diag, "t.fsm:1:20: error: too many errors, stopping here\n") != NULL,
             "the last line says the lexer stopped, got: %s", lex_diag);
    ar_free_all();
}

static void test_kind_names_read_well(void)
{
    TU_CHECK(strcmp(lx_kind_name(T_ARROW), "'->'") == 0, "T_ARROW reads '->'");
    TU_CHECK(strcmp(lx_kind_name(T_EOF), "end of file") == 0, "T_EOF reads 'end of file'");
    TU_CHECK(strcmp(lx_kind_name(T_ID), "identifier") == 0, "T_ID reads 'identifier'");
    TU_CHECK(strcmp(lx_kind_name(K_STATE), "'state'") == 0, "K_STATE reads 'state' in quotes");
    TU_CHECK(strcmp(lx_kind_name(T_COUNT_), "token") == 0, "an out-of-range kind is 'token'");
}

int register_lex(void)
{
    CU_pSuite s = CU_add_suite("lex: lx_lex on buffers", lex_init, lex_clean);
    if (!s)
        return -1;
    if (!CU_add_test(s, "token kinds of declarations", test_kinds_of_a_declaration) ||
        !CU_add_test(s, "keywords are whole words; other words are identifiers",
                     test_keywords_and_identifiers) ||
        !CU_add_test(s, "integers, and durations in ms (2s, 20min, 1h)",
                     test_integers_and_durations) ||
        !CU_add_test(s, "punctuation takes the longest match", test_longest_match_punctuation) ||
        !CU_add_test(s, "lines and byte columns after CRLF, tabs and UTF-8",
                     test_lines_and_columns) ||
        !CU_add_test(s, "strings: escapes, UTF-8, empty, 4095-byte limit", test_strings) ||
        !CU_add_test(s, "identifiers: 63 characters at most", test_limits_of_names_and_numbers) ||
        !CU_add_test(s, "errors return -1 with a located diagnostic", test_errors_are_located) ||
        !CU_add_test(s, "one bad byte in a string or comment is one error",
                     test_one_bad_byte_is_one_error) ||
        !CU_add_test(s, "a flood of bad bytes prints at most 21 lines", test_error_flood_is_capped) ||
        !CU_add_test(s, "token kind names read well in messages", test_kind_names_read_well))
        return -1;
    return 0;
}
