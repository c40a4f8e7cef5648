// The notelint extension: runs `notelint lsp` (the language server built
// into notelint) for Markdown and YAML documents. Everything else (the
// diagnostics, quick fixes, fix-all, hover, reading .notelint.yaml) is the
// server's; the extension only starts it and passes two settings.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("notelint.restart", () => restart()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // notelint.kubeVersion reaches the running server through
      // workspace/didChangeConfiguration; another executable needs a restart.
      if (e.affectsConfiguration("notelint.path")) {
        void restart();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

/** The executable: the notelint.path setting, else `notelint` from PATH. */
export function executable(settings: vscode.WorkspaceConfiguration): string {
  const path = (settings.get<string>("path") ?? "").trim();
  return path === "" ? "notelint" : path;
}

async function start(): Promise<void> {
  const settings = vscode.workspace.getConfiguration("notelint");
  const command = executable(settings);
  const serverOptions: ServerOptions = { command, args: ["lsp"], transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "yaml" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "untitled", language: "yaml" },
    ],
    // The server reads kubeVersion at start, then from each
    // workspace/didChangeConfiguration of the "notelint" section.
    initializationOptions: { kubeVersion: settings.get<string>("kubeVersion") ?? "" },
    synchronize: { configurationSection: "notelint" },
  };
  client = new LanguageClient("notelint", "notelint", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    client = undefined;
    const install = "Install notelint (go install github.com/notelint/notelint/cmd/notelint@latest) or set notelint.path.";
    void vscode.window.showErrorMessage(`notelint: could not start "${command} lsp": ${String(err)}. ${install}`);
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c !== undefined) {
    await c.stop();
  }
}

async function restart(): Promise<void> {
  await stop();
  await start();
}
