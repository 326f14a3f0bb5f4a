// stance_train: fits the StanceModel to labelled sets and writes
// lexicons/stance/model.txt, or measures how well it generalises.
//
//   stance_train --out lexicons/stance/model.txt tests/data/stance/{dev,train}.*.jsonl
//   stance_train --folds 5 SETS...         # cross-validated macro-F1, model alone and with the rules
//   stance_train --test fresh.*.jsonl SETS... # train on SETS, score the test sets
//   stance_train --background offtopic.*.jsonl --background-weight 0.25 ...
//                                            # also train on texts about other subjects (all
//                                            # neutral), never scored, each counting 0.25
//
// Items are the JSON lines of tests/data/stance/ (GUIDE.md): id, lang, kind, text, label.
#include <algorithm>
#include <array>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "extractors/lexicon.h"
#include "extractors/stance_extractor.h"
#include "extractors/stance_model.h"
#include "extractors/stance_model_trainer.h"
#include "extractors/text_folder.h"

namespace {

struct Item {
  std::string id, lang, kind, text;
  int label = bw::StanceModel::kNeutral;
  bw::StanceExample example;
};

constexpr std::array<const char*, 3> kLabels = {"bubble", "revolution", "neutral"};

bool ReadItems(const std::string& path, const bw::TextFolder& folder, std::vector<Item>& out) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "stance_train: cannot read " << path << "\n";
    return false;
  }
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string() || !j.contains("lang") ||
        !j["lang"].is_string() || !j.contains("label") || !j["label"].is_string() ||
        (j.contains("kind") && !j["kind"].is_string()) || (j.contains("id") && !j["id"].is_string())) {
      std::cerr << "stance_train: " << path << ":" << line_no << ": not a labelled item\n";
      return false;
    }
    Item item;
    item.id = j.value("id", "");
    item.lang = j["lang"].get<std::string>();
    item.kind = j.value("kind", "article");
    item.text = j["text"].get<std::string>();
    auto label = std::find(kLabels.begin(), kLabels.end(), j["label"].get<std::string>());
    if (label == kLabels.end()) {
      std::cerr << "stance_train: " << path << ":" << line_no << ": unknown label\n";
      return false;
    }
    item.label = static_cast<int>(label - kLabels.begin());
    const bw::FoldedText folded = folder.FoldProse(item.text, item.lang == "zh");
    item.example = {bw::StanceModel::Features(folded.text, item.lang), item.label};
    out.push_back(std::move(item));
  }
  return true;
}

// The examples of `items`, then those of `background`.
std::vector<bw::StanceExample> Examples(const std::vector<const Item*>& items, const std::vector<Item>& background) {
  std::vector<bw::StanceExample> out;
  for (const Item* i : items) out.push_back(i->example);
  for (const Item& i : background) out.push_back(i.example);
  return out;
}

// Predictions of the model alone and of the whole extractor (rules + model).
struct Predictions {
  std::vector<int> model, combined;
};

void Predict(const bw::LexiconSet& lexicons, bw::StanceWeights weights, const std::vector<const Item*>& items,
             const bw::TextFolder& folder, Predictions& out, std::vector<size_t>& slots) {
  bw::StanceModel model(weights);
  bw::StanceExtractor extractor(lexicons, bw::StanceModel(std::move(weights)));
  for (size_t n = 0; n < items.size(); ++n) {
    const Item& item = *items[n];
    const bw::StanceModelScore s = model.Score(folder.FoldProse(item.text, item.lang == "zh").text, item.lang);
    out.model[slots[n]] = static_cast<int>(std::max_element(s.p.begin(), s.p.end()) - s.p.begin());
    const bw::Stance st = extractor.Analyze(item.text, {.lang = item.lang, .kind = item.kind, .title = {}});
    out.combined[slots[n]] = static_cast<int>(st.label);
  }
}

double MacroF1(const std::vector<const Item*>& items, const std::vector<int>& pred, const std::string& lang) {
  double sum = 0;
  for (int c = 0; c < 3; ++c) {
    int tp = 0, fp = 0, fn = 0;
    for (size_t n = 0; n < items.size(); ++n) {
      if (lang != "all" && items[n]->lang != lang) continue;
      const bool gold = items[n]->label == c, said = pred[n] == c;
      tp += gold && said;
      fp += !gold && said;
      fn += gold && !said;
    }
    const double p = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
    const double r = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0;
    sum += p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  return sum / 3;
}

// One JSON line per item: id, gold, model and combined labels.
void WritePredictions(const std::string& path, const std::vector<const Item*>& items, const Predictions& pred) {
  std::ofstream out(path);
  for (size_t n = 0; n < items.size(); ++n) {
    out << nlohmann::json{{"id", items[n]->id}, {"lang", items[n]->lang}, {"text", items[n]->text},
                          {"gold", kLabels[items[n]->label]}, {"model", kLabels[pred.model[n]]},
                          {"combined", kLabels[pred.combined[n]]}}.dump() << "\n";
  }
}

void Report(const std::vector<const Item*>& items, const Predictions& pred) {
  for (const char* lang : {"all", "en", "zh", "ja"}) {
    std::printf("%-4s model %.3f  rules+model %.3f\n", lang, MacroF1(items, pred.model, lang),
                MacroF1(items, pred.combined, lang));
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Fits the stance model (lexicons/stance/model.txt) to labelled sets"};
  std::vector<std::string> sets, tests, background_sets;
  double background_weight = 1.0;
  std::string out, lexicon_dir, predictions;
  int folds = 0;
  bw::StanceTrainingOptions options;
  app.add_option("sets", sets, "labelled JSON-lines files to train on")->required()->check(CLI::ExistingFile);
  app.add_option("--out", out, "write the model here");
  app.add_option("--folds", folds, "cross-validate over this many folds instead")->check(CLI::Range(2, 50));
  app.add_option("--test", tests, "train on all SETS and score these sets")->check(CLI::ExistingFile);
  app.add_option("--background", background_sets,
                 "also train on these sets of texts about other subjects (all neutral); never scored")
      ->check(CLI::ExistingFile);
  app.add_option("--background-weight", background_weight, "how much a background item counts against another")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--predictions", predictions, "write each scored item's labels here (JSON lines)");
  app.add_option("--lexicons", lexicon_dir, "read the cue lexicons from here, not the embedded ones");
  app.add_option("--l2", options.l2, "regularisation (larger: looser fit)");
  app.add_option("--epochs", options.epochs);
  app.add_option("--min-count", options.min_count, "drop features seen in fewer items");
  app.add_option("--min-weight", options.min_weight, "drop features whose weights differ less than this");
  app.add_option("--vote", options.vote, "how much the model counts against one lexicon cue");
  app.add_option("--quiet", options.quiet, "how far the model's p(neutral) quiets the lexicon cues");
  CLI11_PARSE(app, argc, argv);

  bw::LexiconSet lexicons = bw::LexiconSet::Embedded();
  if (!lexicon_dir.empty()) {
    for (const std::string& path : lexicons.Paths()) {
      std::ifstream in(lexicon_dir + "/" + path);
      if (!in) continue;
      std::stringstream content;
      content << in.rdbuf();
      lexicons.AddFile(path, content.str());
    }
  }
  bw::LexiconSet cue_only = lexicons;
  cue_only.AddFile("stance/model.txt", "");  // the model under test replaces the shipped one
  const bw::TextFolder folder(lexicons);
  std::vector<Item> items;
  for (const std::string& s : sets) {
    if (!ReadItems(s, folder, items)) return 2;
  }
  std::vector<const Item*> all;
  for (const Item& i : items) all.push_back(&i);
  std::vector<Item> background;
  for (const std::string& s : background_sets) {
    if (!ReadItems(s, folder, background)) return 2;
  }
  for (Item& i : background) {
    if (i.label != bw::StanceModel::kNeutral) {
      std::cerr << "stance_train: background item " << i.id << " is not labelled neutral\n";
      return 2;
    }
    i.example.weight = background_weight;
  }

  if (folds > 0) {
    std::vector<size_t> order(all.size());
    for (size_t n = 0; n < order.size(); ++n) order[n] = n;
    std::shuffle(order.begin(), order.end(), std::mt19937(7));
    Predictions pred{std::vector<int>(all.size()), std::vector<int>(all.size())};
    for (int f = 0; f < folds; ++f) {
      std::vector<const Item*> train, held;
      std::vector<size_t> slots;
      for (size_t n = 0; n < order.size(); ++n) {
        if (static_cast<int>(n % folds) == f) {
          held.push_back(all[order[n]]);
          slots.push_back(order[n]);
        } else {
          train.push_back(all[order[n]]);
        }
      }
      Predict(cue_only, bw::TrainStanceModel(Examples(train, background), options), held, folder, pred, slots);
    }
    Report(all, pred);
    if (!predictions.empty()) WritePredictions(predictions, all, pred);
  }
  std::vector<Item> test_items;
  for (const std::string& s : tests) {
    if (!ReadItems(s, folder, test_items)) return 2;
  }
  if (!tests.empty()) {
    std::vector<const Item*> held;
    std::vector<size_t> slots;
    for (const Item& i : test_items) {
      slots.push_back(held.size());
      held.push_back(&i);
    }
    Predictions pred{std::vector<int>(held.size()), std::vector<int>(held.size())};
    Predict(cue_only, bw::TrainStanceModel(Examples(all, background), options), held, folder, pred, slots);
    Report(held, pred);
    if (!predictions.empty()) WritePredictions(predictions, held, pred);
  }
  if (!out.empty()) {
    const bw::StanceWeights weights = bw::TrainStanceModel(Examples(all, background), options);
    std::ofstream file(out, std::ios::binary);
    file << "# The stance model: a multinomial logistic regression (extractors/stance_model.h).\n"
            "# Generated by tools/stance_train from tests/data/stance/; do not edit by hand.\n"
            "# Rows: feature<TAB>bubble<TAB>revolution<TAB>neutral weights; <bias> the same;\n"
            "# <vote> how much the model counts against a lexicon cue of weight 1.\n"
         << bw::StanceModel::Serialize(weights);
    if (!file) {
      std::cerr << "stance_train: cannot write " << out << "\n";
      return 1;
    }
    std::cerr << "stance_train: " << weights.features.size() << " features written to " << out << "\n";
  }
  return 0;
}
