// The bubblewatch command: everything lives in the pipeline library.
#include "pipeline/cli/commands.h"

int main(int argc, char** argv) { return bw::cli::Run(argc, argv); }
