import {
  cmdGen,
  cmdGenList,
  cmdValidate,
  loadOrFail
} from "./chunk-WWBMBUNS.js";
import "./chunk-KAOGW6Y4.js";
import "./chunk-XQVPLUMH.js";
import "./chunk-VVNBBFBK.js";
import "./chunk-G67NX5UV.js";
export {
  cmdGen,
  cmdGenList,
  cmdValidate,
  loadOrFail
};
