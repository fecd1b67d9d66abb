#include "file_dialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <system_error>

namespace liaison::viewer {

namespace {

constexpr const char *kPopupId = "##file-dialog";

bool matches(const FileDialogState &state, const std::filesystem::path &p) {
    if (state.extensions.empty())
        return true;
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return std::find(state.extensions.begin(), state.extensions.end(), ext) != state.extensions.end();
}

void refresh(FileDialogState &state) {
    if (state.listedFolder == state.folder)
        return;
    state.listedFolder = state.folder;
    state.entries.clear();
    state.listError.clear();
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(state.folder, ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        std::error_code dirEc;
        bool dir = it->is_directory(dirEc);
        if (it->path().filename().string().starts_with("."))
            continue;
        if (dir || matches(state, it->path()))
            state.entries.push_back(*it);
    }
    if (ec)
        state.listError = state.folder.string() + ": " + ec.message();
    std::sort(state.entries.begin(), state.entries.end(), [](const auto &a, const auto &b) {
        std::error_code e1, e2;
        bool da = a.is_directory(e1), db = b.is_directory(e2);
        if (da != db)
            return da;
        return a.path().filename() < b.path().filename();
    });
}

} // namespace

void openFileDialog(FileDialogState &state, FilePurpose purpose, std::string title,
                    std::vector<std::string> extensions, const std::string &near) {
    state.requested = true;
    state.purpose = purpose;
    state.title = std::move(title);
    state.extensions = std::move(extensions);
    std::error_code ec;
    std::filesystem::path base = near.empty() ? std::filesystem::current_path(ec)
                                              : std::filesystem::absolute(near, ec).parent_path();
    state.folder = base;
    state.name = purpose == FilePurpose::SaveAs || purpose == FilePurpose::Export
                     ? std::filesystem::path(near).stem().string()
                     : std::string();
    state.listedFolder.clear();
}

std::optional<std::filesystem::path> drawFileDialog(FileDialogState &state) {
    if (state.requested) {
        ImGui::OpenPopup(kPopupId);
        state.requested = false;
    }
    ImGui::SetNextWindowSize(ImVec2(640, 440), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(kPopupId, nullptr, ImGuiWindowFlags_NoTitleBar))
        return std::nullopt;
    refresh(state);
    std::optional<std::filesystem::path> chosen;
    ImGui::TextUnformatted(state.title.c_str());
    ImGui::Separator();
    if (ImGui::Button("Up"))
        state.folder = state.folder.parent_path();
    ImGui::SameLine();
    ImGui::TextUnformatted(state.folder.string().c_str());
    if (!state.listError.empty())
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", state.listError.c_str());

    ImGui::BeginChild("##entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.2f), true);
    std::filesystem::path enter;
    for (const auto &entry : state.entries) {
        std::error_code ec;
        bool dir = entry.is_directory(ec);
        std::string label = entry.path().filename().string() + (dir ? "/" : "");
        bool selected = !dir && entry.path().filename().string() == state.name;
        if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (dir)
                enter = entry.path();
            else
                state.name = entry.path().filename().string();
            if (!dir && ImGui::IsMouseDoubleClicked(0))
                chosen = entry.path();
        }
    }
    ImGui::EndChild();
    if (!enter.empty())
        state.folder = enter;

    ImGui::SetNextItemWidth(state.purpose == FilePurpose::Export ? -180 : -1);
    bool entered = ImGui::InputText("##name", &state.name, ImGuiInputTextFlags_EnterReturnsTrue);
    if (state.purpose == FilePurpose::Export) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1);
        ImGui::Combo("##format", &state.exportFormat, "DOT\0SVG\0PNG\0PDF\0");
    }
    const char *action = state.purpose == FilePurpose::Open     ? "Open"
                         : state.purpose == FilePurpose::Import ? "Import"
                         : state.purpose == FilePurpose::SaveAs ? "Save"
                                                                : "Export";
    if ((ImGui::Button(action) || entered) && !state.name.empty())
        chosen = std::filesystem::path(state.name).is_absolute() ? std::filesystem::path(state.name)
                                                                 : state.folder / state.name;
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ImGui::CloseCurrentPopup();
    if (chosen)
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return chosen;
}

} // namespace liaison::viewer
