// The "bw" FTS5 tokenizer: full-text search over English, Chinese, Japanese
// and Korean with the terms of extractors/search_tokens.h — words for
// alphabetic scripts, overlapping bigrams for CJK.
//
//   if (bw::Status s = bw::db::RegisterSearchTokenizer(db); !s.ok()) return s;
//   // CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='bw');
//   // SELECT rowid FROM t WHERE t MATCH '数据中心';
//
// A tokenizer belongs to one connection: register it on every connection
// before a table that uses it is read or written.
//
// Documents and queries give the same tokens, so a query of two or more CJK
// characters is a phrase of bigrams and finds exactly the texts that hold it
// contiguously (数据中心, not 数据 ... 中心), and a query in any case or width
// finds the text in every other (ＮＶＩＤＩＡ finds Nvidia). Traditional and
// simplified Chinese are different characters: 數據 does not find 数据.
//
// Documents also index the last character of each CJK run at the position of
// the run's last bigram (FTS5_TOKEN_COLOCATED; queries do not), so that the
// prefix query 泡* finds every 泡, including at the end of a run (气泡). The
// plain query 泡 finds only a 泡 standing alone or ending a run: callers
// should make a query of one CJK character a prefix query. A prefix query of
// two or more CJK characters (数据*) is the same as the plain one.
//
// highlight() and snippet() mark the input bytes of the matched tokens, so a
// CJK phrase is marked exactly ([泡沫], [数据中心]), and a match on one CJK
// character marks the bigram it is found in.
//
// FTS5's query syntax takes barewords of letters, digits and non-ASCII
// characters only: a term with punctuation ("1.5", "gpt-5") must be quoted.
#ifndef BUBBLEWATCH_DB_SEARCH_TOKENIZER_H_
#define BUBBLEWATCH_DB_SEARCH_TOKENIZER_H_

#include "common/status.h"

struct sqlite3;

namespace bw::db {

// The name to give in tokenize='...'.
inline constexpr char kSearchTokenizerName[] = "bw";

// Registers the tokenizer on `db` (again replaces it). An IoError when
// SQLite lacks FTS5 or refuses the tokenizer.
Status RegisterSearchTokenizer(sqlite3* db);

}  // namespace bw::db

#endif  // BUBBLEWATCH_DB_SEARCH_TOKENIZER_H_
