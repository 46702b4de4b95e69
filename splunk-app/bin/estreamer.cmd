@echo off
rem Modular-input launcher for Windows: execs the JAR shipped in this add-on with the arguments splunkd gives.
rem Java: %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java on the PATH. JVM options: default\jvm.options
rem or local\jvm.options (one option per line; local wins).
setlocal EnableDelayedExpansion
set "APP=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
set "OPTIONS_FILE=%APP%\default\jvm.options"
if exist "%APP%\local\jvm.options" set "OPTIONS_FILE=%APP%\local\jvm.options"
set "OPTS="
if exist "%OPTIONS_FILE%" (
  for /f "usebackq eol=# tokens=*" %%o in ("%OPTIONS_FILE%") do set "OPTS=!OPTS! %%o"
)
"%JAVA%" %OPTS% -jar "%APP%\jars\estreamer.jar" splunk %*
exit /b %ERRORLEVEL%
