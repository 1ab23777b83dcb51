# Multi-stage build: the SDK image builds (with Node for the npm front-end packages and fonts), the ASP.NET runtime
# image runs as its non-root 'app' user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN dotnet publish src/HepBuilder.Web -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# SkiaSharp's native library needs fontconfig; wget serves the healthcheck.
RUN apt-get update && apt-get install -y --no-install-recommends libfontconfig1 wget && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The key-ring certificate's volume: a new named volume takes this folder's owner, so the non-root user can write it.
RUN mkdir /keys && chown "$APP_UID" /keys
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080
# A 32 MB gen0 budget, as scripts/run sets it (see the GC note in src/HepBuilder.Web/HepBuilder.Web.csproj).
ENV DOTNET_GCgen0size=0x2000000
EXPOSE 8080
ENTRYPOINT ["dotnet", "HepBuilder.Web.dll"]
