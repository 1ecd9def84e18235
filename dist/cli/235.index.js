export const id = 235;
export const ids = [235,616];
export const modules = {

/***/ 16235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadWorld: () => (/* reexport safe */ _world_js__WEBPACK_IMPORTED_MODULE_0__.pT),
/* harmony export */   startEmulator: () => (/* reexport safe */ _emulator_js__WEBPACK_IMPORTED_MODULE_1__.s)
/* harmony export */ });
/* harmony import */ var _world_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12123);
/* harmony import */ var _emulator_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82863);
/* harmony import */ var _builtin_roles_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60748);
// Public surface of the simulated world: load a world file, start the loopback emulator for it.





/***/ })

};
