#include "extractors/search_query.h"

#include <vector>

#include "extractors/search_tokens.h"
#include "extractors/text_util.h"

namespace bw {
namespace {

// The length of the white space at byte `i` of `s`, 0 when there is none.
size_t SpaceAt(std::string_view s, size_t i) {
  switch (s[i]) {
    case ' ': case '\t': case '\n': case '\v': case '\f': case '\r': case '\0':
      return 1;
    default:
      break;
  }
  if (s.substr(i, 2) == "\xC2\xA0") return 2;       // U+00A0 no-break space
  if (s.substr(i, 3) == "\xE3\x80\x80") return 3;   // U+3000 ideographic space
  return 0;
}

bool IsOperator(std::string_view word) { return word == "OR" || word == "AND" || word == "NOT"; }

// `text` as an FTS5 string. A NUL would end the expression SQLite hands to
// FTS5 in the middle of the string, so it becomes a space.
std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c == '\0' ? ' ' : c;
  }
  out += '"';
  return out;
}

// True when `token` (one search token, folded) is a single CJK character.
// The tokenizer itself says so: a character it puts into bigrams gives,
// written twice, a bigram and then a run-end unigram; a letter or digit of an
// alphabetic script gives one word.
bool IsLoneCjk(const std::string& token) {
  if (CountChars(token).code_points != 1) return false;
  const std::string twice = token + token;
  SearchTokenStream stream(twice, /*run_end_unigrams=*/true);
  while (stream.Next()) {
    if (stream.colocated()) return true;
  }
  return false;
}

// One term or operator of the query, in order.
struct Item {
  bool is_operator = false;
  std::string text;  // the operator, or the term as FTS5 syntax
};

// The term `body` as FTS5 syntax, or "" when it holds no search token.
std::string Term(std::string_view body, bool prefix) {
  std::vector<SearchToken> tokens = SearchTokens(body);
  if (tokens.empty()) return "";
  if (IsLoneCjk(tokens.back().text)) prefix = true;
  return Quote(body) + (prefix ? "*" : "");
}

std::vector<Item> Split(std::string_view q) {
  std::vector<Item> items;
  size_t i = 0;
  while (i < q.size()) {
    if (size_t n = SpaceAt(q, i); n > 0) {
      i += n;
      continue;
    }
    std::string_view body;
    bool prefix = false;
    if (q[i] == '"') {
      const size_t close = q.find('"', i + 1);
      const size_t end = close == std::string_view::npos ? q.size() : close;
      body = q.substr(i + 1, end - i - 1);
      i = close == std::string_view::npos ? q.size() : close + 1;
      for (; i < q.size() && q[i] == '*'; ++i) prefix = true;
    } else {
      const size_t start = i;
      while (i < q.size() && q[i] != '"' && SpaceAt(q, i) == 0) ++i;
      body = q.substr(start, i - start);
      if (IsOperator(body)) {
        items.push_back({true, std::string(body)});
        continue;
      }
      for (; !body.empty() && body.back() == '*'; body.remove_suffix(1)) prefix = true;
    }
    std::string term = Term(body, prefix);
    if (!term.empty()) items.push_back({false, std::move(term)});
  }
  return items;
}

}  // namespace

std::string BuildMatchExpression(std::string_view user_query) {
  std::string out;
  std::string op;  // the operator waiting for the next term; "" for implicit AND
  bool have_term = false;
  for (const Item& item : Split(user_query)) {
    if (item.is_operator) {
      // Before the first term, NOT would ask for every document without a
      // word, which FTS5 cannot do; OR and AND there are dropped.
      if (!have_term && item.text == "NOT") return "";
      if (have_term) op = item.text;
      continue;
    }
    if (have_term) out += op.empty() ? " " : " " + op + " ";
    out += item.text;
    have_term = true;
    op.clear();
  }
  return out;
}

}  // namespace bw
