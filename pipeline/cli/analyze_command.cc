#include "pipeline/cli/analyze_command.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "extractors/charset_decoder.h"
#include "extractors/document_analyzer.h"
#include "extractors/stance_lexicon.h"
#include "extractors/stance_model.h"
#include "pipeline/clock.h"
#include "pipeline/page_fetcher.h"
#include "pipeline/cli/stance_explanation.h"

namespace bw::cli {
namespace {

// Files larger than this are refused rather than read into memory.
constexpr size_t kMaxInputBytes = 256u << 20;

Result<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (std::cin.bad()) return Status::IoError("-: cannot read standard input");
    return all;
  }
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  std::streamoff size = in.tellg();
  if (size < 0) return Status::IoError(path + ": cannot read");
  if (static_cast<size_t>(size) > kMaxInputBytes) {
    return Status::BadData(path + ": larger than " + std::to_string(kMaxInputBytes >> 20) + " MiB");
  }
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return Status::IoError(path + ": cannot read");
  return bytes;
}

void Print(const nlohmann::ordered_json& j, bool pretty) {
  std::cout << j.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace)
            << "\n";
}

}  // namespace

AnalyzeCommand::AnalyzeCommand(CLI::App& app) {
  cmd_ = app.add_subcommand("analyze",
                            "Analyse local HTML, text or JSON lines; no network, no database");
  cmd_->footer(
      "Prints one analysis record (JSON) a line, in input order; a record for an input that\n"
      "could not be read holds \"error\" instead, so outputs stay aligned with inputs.\n"
      "Without a mode, a file is HTML when its name ends in .htm/.html or its first byte is '<'.\n"
      "--jsonl reads one object a line: {\"text\"|\"html\", \"url\"?, \"lang\"?, \"kind\"?, \"id\"?}.\n"
      "--explain prints, instead of JSON, the stance of each input for a person tuning\n"
      "lexicons/stance/: every sentence that moved it, each cue, its weight and the rules\n"
      "that changed it; lexicon lines that could not be read go to standard error.");
  cmd_->add_option("inputs", inputs_, "files to analyse; - or none for standard input");
  cmd_->add_option("--files-from", files_from_, "read the list of input files from this file (- = stdin)");
  auto* html = cmd_->add_flag("--html", html_, "inputs are HTML pages");
  auto* text = cmd_->add_flag("--text", text_, "inputs are plain text");
  auto* jsonl = cmd_->add_flag("--jsonl", jsonl_, "inputs are JSON lines");
  html->excludes(text)->excludes(jsonl);
  text->excludes(jsonl);
  cmd_->add_flag("--pretty", pretty_, "indent the JSON");
  cmd_->add_flag("--explain", explain_, "print the stance evidence as text instead of JSON");
  cmd_->add_option("--kind", kind_, "article or post")->check(CLI::IsMember({"article", "post"}));
  cmd_->add_option("--lang", lang_hint_, "language hint (zh, zh-TW, ja, en); the text decides");
  cmd_->add_option("--url", url_, "the URL the input came from");
  cmd_->add_option("--reference-time", reference_time_,
                   "when the inputs were read (ISO 8601; default: now): the year of dates "
                   "written without one");
}

int AnalyzeCommand::Run(const Context& context) {
  auto lexicons = context.LoadLexicons();
  if (!lexicons.ok()) return Fail(lexicons.status());
  std::vector<std::string> inputs = inputs_;
  if (!files_from_.empty()) {
    auto list = ReadInput(files_from_);
    if (!list.ok()) return Fail(list.status());
    std::istringstream lines(*list);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) inputs.push_back(line);
    }
  }
  if (inputs.empty()) inputs.push_back("-");

  DocumentAnalyzer analyzer(*lexicons);
  if (explain_) {
    const StanceLexicon stance_lexicon(*lexicons);
    for (const std::string& p : stance_lexicon.problems()) {
      std::cerr << "bubblewatch: lexicon: " << p << "\n";
    }
    const StanceModel stance_model(*lexicons);
    for (const std::string& p : stance_model.problems()) {
      std::cerr << "bubblewatch: lexicon: " << p << "\n";
    }
  }
  auto emit = [&](const AnalysisRecord& r, nlohmann::ordered_json out, const std::string& name) {
    if (explain_) {
      std::cout << ExplainStance(r, name);
    } else {
      Print(out, pretty_);
    }
  };
  DateTime now = UtcNow();
  if (!reference_time_.empty()) {
    auto t = ParseDateTime(reference_time_);
    if (!t) return Fail(Status::Usage(reference_time_ + ": --reference-time is not an ISO 8601 date"));
    now = *t;
  }
  int exit_code = 0;
  auto note_failure = [&](const Status& s) {
    std::cerr << "bubblewatch: " << s.message() << "\n";
    if (exit_code == 0) exit_code = s.exit_code();
  };
  for (const std::string& path : inputs) {
    auto bytes = ReadInput(path);
    if (!bytes.ok()) {
      note_failure(bytes.status());
      Print({{"file", path}, {"error", bytes.status().message()}}, pretty_);
      continue;
    }
    if (jsonl_) {
      std::istringstream lines(*bytes);
      size_t number = 0;
      for (std::string line; std::getline(lines, line);) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        std::string where = path + ":" + std::to_string(number);
        nlohmann::json in = nlohmann::json::parse(line, nullptr, false);
        bool has_html = in.is_object() && in.contains("html") && in["html"].is_string();
        bool has_text = in.is_object() && in.contains("text") && in["text"].is_string();
        if (!has_html && !has_text) {
          Status s = Status::BadData(where + ": expected a JSON object with \"text\" or \"html\"");
          note_failure(s);
          Print({{"line", number}, {"error", s.message()}}, pretty_);
          continue;
        }
        DocumentInput input{in.value("url", url_), in.value("lang", lang_hint_),
                            in.value("kind", kind_), now};
        if (input.kind != "post") input.kind = "article";
        AnalysisRecord r =
            has_html ? analyzer.AnalyzeHtml(SanitizeUtf8(in["html"].get<std::string>()), input)
                     : analyzer.AnalyzeText(in["text"].get<std::string>(), input);
        nlohmann::ordered_json out = RecordToJson(r);
        if (in.contains("id")) out["id"] = in["id"];
        emit(r, std::move(out), in.contains("id") ? in["id"].dump() : where);
      }
      continue;
    }
    bool is_html = html_;
    if (!html_ && !text_) {
      bool html_name = path.ends_with(".html") || path.ends_with(".htm");
      is_html = html_name || ClassifyBody("", *bytes) == BodyType::kHtml;
    }
    DecodedText decoded = DecodeToUtf8(*bytes, "", is_html);
    DocumentInput input{url_, lang_hint_, kind_, now};
    AnalysisRecord r = is_html ? analyzer.AnalyzeHtml(decoded.utf8, input)
                               : analyzer.AnalyzeText(decoded.utf8, input);
    nlohmann::ordered_json out = RecordToJson(r);
    if (path != "-") out["file"] = path;
    emit(r, std::move(out), path);
  }
  return exit_code;
}

}  // namespace bw::cli
