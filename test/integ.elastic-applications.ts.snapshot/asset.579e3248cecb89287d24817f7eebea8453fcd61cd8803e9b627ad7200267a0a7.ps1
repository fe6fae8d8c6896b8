# Setup script of the Notepad app block (a stand-in: adapt it to your package).
# AppStream downloads the app block's package next to this script and runs it before the session
# starts; the package is the zipped notepad folder, extracted here where the application's launch
# path points.
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$package = Get-ChildItem -Path $here -Filter '*.zip' | Select-Object -First 1
Expand-Archive -Path $package.FullName -DestinationPath 'C:\AppStream\AppBlocks\notepad' -Force
