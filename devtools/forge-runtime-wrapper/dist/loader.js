// Offline stand-in for the Node runtime wrapper that `forge deploy` downloads from Atlassian's CDN and
// ships beside the bundle. Forge runs its own copy; the local platform stand-in (devtools/forge-platform)
// plays its part when the bundle runs here.
module.exports = {};
