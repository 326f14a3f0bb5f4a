#include "db/search_tokenizer.h"

#include <sqlite3.h>

#include <new>
#include <string>
#include <string_view>

#include "db/statement.h"
#include "extractors/search_tokens.h"

namespace bw::db {
namespace {

// FTS5 wants an object per table that uses the tokenizer; "bw" has no
// options, so it holds nothing.
struct Tokenizer {};

int Create(void* /*context*/, const char** /*args*/, int arg_count, Fts5Tokenizer** out) {
  if (arg_count > 0) return SQLITE_ERROR;  // tokenize='bw' takes no arguments
  Tokenizer* tokenizer = new (std::nothrow) Tokenizer;
  if (tokenizer == nullptr) return SQLITE_NOMEM;
  *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<Tokenizer*>(tokenizer); }

int Tokenize(Fts5Tokenizer* /*tokenizer*/, void* context, int flags, const char* text, int size,
             int (*emit)(void*, int, const char*, int, int, int)) {
  if (text == nullptr || size <= 0) return SQLITE_OK;
  // Run-end unigrams go into the index (and to auxiliary functions, which
  // skip colocated tokens), never into queries: see search_tokenizer.h.
  const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  try {
    SearchTokenStream tokens(std::string_view(text, static_cast<size_t>(size)), !query);
    while (tokens.Next()) {
      const std::string_view t = tokens.text();
      int rc = emit(context, tokens.colocated() ? FTS5_TOKEN_COLOCATED : 0, t.data(),
                    static_cast<int>(t.size()), static_cast<int>(tokens.start()),
                    static_cast<int>(tokens.end()));
      if (rc != SQLITE_OK) return rc;
    }
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

}  // namespace

Status RegisterSearchTokenizer(sqlite3* db) {
  fts5_api* api = nullptr;
  {
    Statement fts5(db, "SELECT fts5(?1)");
    if (!fts5.ok()) {
      return Status::IoError(std::string("SQLite has no FTS5: ") + sqlite3_errmsg(db));
    }
    fts5.BindPointer(1, &api, "fts5_api_ptr");
    if (fts5.Step() != SQLITE_ROW || api == nullptr) {
      return Status::IoError(std::string("cannot reach the FTS5 API: ") + sqlite3_errmsg(db));
    }
  }
  if (api->iVersion < 2) return Status::IoError("the FTS5 API is too old (version < 2)");
  fts5_tokenizer tokenizer = {Create, Delete, Tokenize};
  int rc = api->xCreateTokenizer(api, kSearchTokenizerName, nullptr, &tokenizer, nullptr);
  if (rc != SQLITE_OK) {
    return Status::IoError(std::string("cannot register the FTS5 tokenizer 'bw': ") +
                           sqlite3_errstr(rc));
  }
  return Status::OK();
}

}  // namespace bw::db
