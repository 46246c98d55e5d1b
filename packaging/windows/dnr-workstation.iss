; Inno Setup 6 script: the Windows installer of DNR Workstation.
; Made by `python packaging\build.py --installer` (which passes the version from pyproject.toml
; and the bundle folder); by hand:
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir=..\..\dist\dnr-workstation packaging\windows\dnr-workstation.iss
; Installs per machine into Program Files (administrator rights), adds a Start-menu entry (and
; one for the demo desk), an optional desktop icon, and an uninstaller (Settings > Apps).
; Upgrading: run a newer installer over the old one; the desks' data, settings and logs live
; in each user's %LOCALAPPDATA%\DNR\dnr-workstation and are kept by upgrades and uninstall.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (packaging\build.py does this)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\dnr-workstation"
#endif

#define AppName "DNR Workstation"
#define AppExe "dnr-workstation.exe"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{6E0C7C1F-3A5B-4C36-9D0B-5E2B8D7F4A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=DNR
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\DNR Workstation
DefaultGroupName=DNR Workstation
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=dnr-workstation-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\dnr-workstation.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle's libraries: nothing of an older version may be left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{#AppName} (demo)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
