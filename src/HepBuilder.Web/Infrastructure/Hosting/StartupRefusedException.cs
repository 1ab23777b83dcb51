namespace HepBuilder.Web.Infrastructure.Hosting;

/// <summary>The configuration is not safe to serve with; the message names what to set. Main prints it and exits.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);
