// Files for tests: a temporary directory removed with its contents, and whole
// file reads and writes.
#ifndef BUBBLEWATCH_TESTS_SUPPORT_TEST_FILES_H_
#define BUBBLEWATCH_TESTS_SUPPORT_TEST_FILES_H_

#include <filesystem>
#include <string>

namespace bw::testing {

// A fresh directory from mkdtemp under $TMPDIR, removed with everything in it
// on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // The path of `name` inside the directory.
  std::string File(const std::string& name) const { return (path_ / name).string(); }
  // Writes `contents` to `name` inside the directory and returns its path.
  std::string Write(const std::string& name, const std::string& contents) const;

 private:
  std::filesystem::path path_;
};

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);

// gzip-compresses `data` (with the gzip header, as Content-Encoding: gzip and
// .xml.gz files have it).
std::string Gzip(const std::string& data);

}  // namespace bw::testing

#endif  // BUBBLEWATCH_TESTS_SUPPORT_TEST_FILES_H_
