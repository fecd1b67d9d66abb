// A small ImGui file picker (modal): browse folders, pick or type a name.
// State lives in FileDialogState (owned by AppState); drawFileDialog returns
// the chosen path once.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace liaison::viewer {

enum class FilePurpose { Open, Import, SaveAs, Export };

struct FileDialogState {
    bool requested = false;   // open the popup next frame
    FilePurpose purpose = FilePurpose::Open;
    std::string title;
    std::vector<std::string> extensions; // e.g. ".json"; empty = all files
    std::filesystem::path folder;
    std::string name;                    // the file name typed or picked
    int exportFormat = 1;                // index into DOT, SVG, PNG, PDF
    // Folder listing, refreshed when `listedFolder` differs from `folder`.
    std::filesystem::path listedFolder;
    std::vector<std::filesystem::directory_entry> entries;
    std::string listError;
};

// Opens the picker for `purpose`, starting in the folder of `near` (or the
// working directory).
void openFileDialog(FileDialogState &state, FilePurpose purpose, std::string title,
                    std::vector<std::string> extensions, const std::string &near);

// Draws the picker when open; returns the chosen path the frame the user confirms.
std::optional<std::filesystem::path> drawFileDialog(FileDialogState &state);

} // namespace liaison::viewer
