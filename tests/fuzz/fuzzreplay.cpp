// Replays fuzz inputs without libFuzzer (any compiler): every file named on
// the command line, or found in a directory named there, goes through
// LLVMFuzzerTestOneInput once. With --mutations N, each input is also
// mutated N times by a seeded generator (byte flips, insertions, deletions,
// splices of other inputs), so the differential checks explore a little
// beyond the committed corpus on every CI run; the seed is fixed (--seed to
// change it), so a failure reproduces.
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

std::string mutate(std::string input, const std::vector<std::string> &others, std::mt19937 &rng)
{
    static const std::string interesting[] = {"\r\n", "\n", "\r", " ", "\t", ":", ",", ";", "0", "-1", "ffffffff",
                                              "chunked", "Content-Length: ", "Transfer-Encoding: ", "Host: x\r\n",
                                              "\r\n\r\n", "GET / HTTP/1.1\r\n", "%00", "\x80", "identity"};
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
        case 2: // insert a token that matters to HTTP framing
            input.insert(at, interesting[rng() % std::size(interesting)]);
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
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--mutations" && i + 1 < argc) {
            mutations = std::stol(argv[++i]);
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
        std::fprintf(stderr, "usage: %s [--mutations N] [--seed S] FILE|DIR...\n", argv[0]);
        return 2;
    }
    for (const std::string &input : inputs)
        run(input);
    std::mt19937 rng(seed);
    for (long n = 0; n < mutations; ++n)
        run(mutate(inputs[n % long(inputs.size())], inputs, rng));
    std::printf("%zu inputs and %ld mutations replayed\n", inputs.size(), mutations);
    return 0;
}
