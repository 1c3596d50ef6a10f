// Replays fuzz inputs without libFuzzer (any compiler): every file named on
// the command line, or found in a directory named there, goes through
// LLVMFuzzerTestOneInput once. With --mutations N, each input is also
// mutated N times by a seeded generator (byte flips, insertions, deletions,
// splices of other inputs), so the differential checks explore a little
// beyond the committed corpus on every CI run; the seed is fixed (--seed to
// change it), so a failure reproduces. --dict FILE takes the tokens worth
// inserting from a libFuzzer/AFL dictionary (the same file a libFuzzer run
// gets as -dict=), so each target mutates with the words of its own format.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void run(const std::string &input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.data()), input.size());
}

// One dictionary line: `name="value"` or `"value"`, with \\, \" and \xNN
// escapes; comments and blank lines give nothing.
bool parseDictLine(const std::string &line, std::string *token)
{
    const size_t open = line.find('"');
    const size_t close = line.rfind('"');
    if (line.empty() || line[0] == '#' || open == std::string::npos || close <= open)
        return false;
    token->clear();
    for (size_t i = open + 1; i < close; ++i) {
        if (line[i] != '\\' || i + 1 >= close) {
            token->push_back(line[i]);
        } else if (line[i + 1] == 'x' && i + 3 < close) {
            token->push_back(char(std::stoi(line.substr(i + 2, 2), nullptr, 16)));
            i += 3;
        } else {
            token->push_back(line[++i]);
        }
    }
    return true;
}

std::vector<std::string> readDict(const std::filesystem::path &path)
{
    std::vector<std::string> tokens;
    std::ifstream in(path);
    std::string line;
    std::string token;
    while (std::getline(in, line)) {
        if (parseDictLine(line, &token))
            tokens.push_back(token);
    }
    return tokens;
}

std::string mutate(std::string input, const std::vector<std::string> &others, const std::vector<std::string> &dict,
                   std::mt19937 &rng)
{
    const int edits = 1 + int(rng() % 4);
    for (int i = 0; i < edits; ++i) {
        const size_t at = input.empty() ? 0 : rng() % (input.size() + 1);
        switch (rng() % 5) {
        case 0: // flip a byte
            if (!input.empty())
                input[std::min(at, input.size() - 1)] ^= char(1 << (rng() % 8));
            break;
        case 1: // delete a run
            if (at < input.size())
                input.erase(at, 1 + rng() % 8);
            break;
        case 2: // insert a token of the input's format (the dictionary)
            if (!dict.empty())
                input.insert(at, dict[rng() % dict.size()]);
            break;
        case 3: // duplicate a run
            if (at < input.size())
                input.insert(at, input.substr(at, 1 + rng() % 16));
            break;
        default: // splice the tail of another input
            if (!others.empty()) {
                const std::string &other = others[rng() % others.size()];
                input = input.substr(0, at) + other.substr(other.empty() ? 0 : rng() % other.size());
            }
        }
    }
    return input;
}

} // namespace

int main(int argc, char **argv)
{
    long mutations = 0;
    unsigned seed = 0x6d6f7274;
    std::vector<std::string> inputs;
    std::vector<std::string> dict;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--mutations" && i + 1 < argc) {
            mutations = std::stol(argv[++i]);
            continue;
        }
        if (arg == "--dict" && i + 1 < argc) {
            dict = readDict(argv[++i]);
            if (dict.empty()) {
                std::fprintf(stderr, "%s: no tokens in dictionary %s\n", argv[0], argv[i]);
                return 2;
            }
            continue;
        }
        if (arg == "--seed" && i + 1 < argc) {
            seed = unsigned(std::stoul(argv[++i]));
            continue;
        }
        const std::filesystem::path path(arg);
        if (std::filesystem::is_directory(path)) {
            for (const auto &entry : std::filesystem::directory_iterator(path))
                if (entry.is_regular_file())
                    inputs.push_back(readFile(entry.path()));
        } else {
            inputs.push_back(readFile(path));
        }
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "usage: %s [--mutations N] [--seed S] [--dict FILE] FILE|DIR...\n", argv[0]);
        return 2;
    }
    for (const std::string &input : inputs)
        run(input);
    std::mt19937 rng(seed);
    for (long n = 0; n < mutations; ++n)
        run(mutate(inputs[n % long(inputs.size())], inputs, dict, rng));
    std::printf("%zu inputs and %ld mutations replayed\n", inputs.size(), mutations);
    return 0;
}
