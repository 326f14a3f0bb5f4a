// FindTextAddresses: where running text holds a web address, an e-mail
// address or an @handle. Their words name a place or a person; nobody chose
// them to say what they think. A post that shares
// "https://ft.com/content/ai-bubble-fears" or answers "@ponzi_watch" has not
// said "bubble" or "ponzi", and a link's path is no English prose: the stance
// and language readers skip these spans.
//
// What counts (ASCII case-insensitive):
//   - a web address: "http://", "https://" or "www." at the start of a word,
//     up to white space, a non-ASCII character or a quote or angle bracket;
//     closing punctuation at its end (".", ",", ")" without "(" …) is the
//     sentence's, not the address's;
//   - an e-mail address: name@domain.tld;
//   - an @handle: "@" (or full-width "＠") not after a letter or digit, then
//     a Latin handle (letters, digits, "_", "-", inner "."; a Mastodon
//     "@user@host.social" whole), or a handle in other scripts ("@新浪财经")
//     when a space or punctuation ends it within 30 characters (or the text
//     does, within 12): Weibo writes "@新浪财经 AI泡沫", and without an edge
//     the handle's end is unknown. A Latin handle goes on in another script
//     only up to a space within 10 characters ("@AI泡沫观察 求…"); otherwise
//     what follows is the post ("@elonmusk说AI是泡沫").
//
//   std::vector<bw::TextSpan> spans = bw::FindTextAddresses("see https://x.com/a, @bob");
//   // spans == {{4, 19}, {21, 25}}
#ifndef BUBBLEWATCH_EXTRACTORS_TEXT_ADDRESSES_H_
#define BUBBLEWATCH_EXTRACTORS_TEXT_ADDRESSES_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractors/text_segmenter.h"

namespace bw {

// The address spans of `utf8` (byte offsets), in order and not overlapping.
// Invalid UTF-8 is tolerated: a bad byte ends a handle.
std::vector<TextSpan> FindTextAddresses(std::string_view utf8);

// Overwrites every byte of each address in `text` with a space, so offsets
// into it stay valid.
void BlankTextAddresses(std::string& text);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_TEXT_ADDRESSES_H_
