// Jest `setupFiles`: errors keep as many stack frames as Node keeps outside jest (10), as the service does in
// production. jest-environment-node raises `Error.stackTraceLimit` to 100 in every test file, and the application
// makes many errors whose stacks are read at once: graphql-js copies the stack of every value a variable refused
// (the hostile-input and mutation property tests send thousands), MikroORM's decorators read one to find each
// entity's file. Each read formats the frames through jest's source maps: with 100 frames, about 2 s of CPU in
// the hostile and mutation property parts (a profile of them), half that with 10. A failing test still shows the 10 frames nearest to it.
'use strict';
Error.stackTraceLimit = 10;
