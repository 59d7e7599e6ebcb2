/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $Array = $util.global.Array, $Boolean = $util.global.Boolean, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const inferos = $root.inferos = (() => {

    /**
     * Namespace inferos.
     * @exports inferos
     * @namespace
     */
    const inferos = {};

    inferos.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof inferos
         * @namespace
         */
        const v1 = {};

        /**
         * Tier enum.
         * @name inferos.v1.Tier
         * @enum {number}
         * @property {number} TIER_UNSPECIFIED=0 TIER_UNSPECIFIED value
         * @property {number} TIER_F32=1 TIER_F32 value
         * @property {number} TIER_F16=2 TIER_F16 value
         * @property {number} TIER_INT8=3 TIER_INT8 value
         * @property {number} TIER_INT4=4 TIER_INT4 value
         * @property {number} TIER_STAGING=5 TIER_STAGING value
         */
        v1.Tier = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "TIER_UNSPECIFIED"] = 0;
            values[valuesById[1] = "TIER_F32"] = 1;
            values[valuesById[2] = "TIER_F16"] = 2;
            values[valuesById[3] = "TIER_INT8"] = 3;
            values[valuesById[4] = "TIER_INT4"] = 4;
            values[valuesById[5] = "TIER_STAGING"] = 5;
            return values;
        })();

        /**
         * Dtype enum.
         * @name inferos.v1.Dtype
         * @enum {number}
         * @property {number} DTYPE_UNSPECIFIED=0 DTYPE_UNSPECIFIED value
         * @property {number} DTYPE_FLOAT32=1 DTYPE_FLOAT32 value
         * @property {number} DTYPE_FLOAT16=2 DTYPE_FLOAT16 value
         * @property {number} DTYPE_UINT8=3 DTYPE_UINT8 value
         */
        v1.Dtype = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DTYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DTYPE_FLOAT32"] = 1;
            values[valuesById[2] = "DTYPE_FLOAT16"] = 2;
            values[valuesById[3] = "DTYPE_UINT8"] = 3;
            return values;
        })();

        v1.Segment = (function() {

            /**
             * Properties of a Segment.
             * @typedef {Object} inferos.v1.Segment.$Properties
             * @property {string|null} [name] Segment name
             * @property {number|null} [bytes] Segment bytes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Segment.
             * @memberof inferos.v1
             * @interface ISegment
             * @augments inferos.v1.Segment.$Properties
             * @deprecated Use inferos.v1.Segment.$Properties instead.
             */

            /**
             * Shape of a Segment.
             * @typedef {inferos.v1.Segment.$Properties} inferos.v1.Segment.$Shape
             */

            /**
             * Constructs a new Segment.
             * @memberof inferos.v1
             * @classdesc Represents a Segment.
             * @constructor
             * @param {inferos.v1.Segment.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Segment = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Segment name.
             * @member {string} name
             * @memberof inferos.v1.Segment
             * @instance
             */
            Segment.prototype.name = "";

            /**
             * Segment bytes.
             * @member {number} bytes
             * @memberof inferos.v1.Segment
             * @instance
             */
            Segment.prototype.bytes = 0;

            /**
             * Creates a new Segment instance using the specified properties.
             * @function create
             * @memberof inferos.v1.Segment
             * @static
             * @param {inferos.v1.Segment.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.Segment} Segment instance
             * @type {{
             *   (properties: inferos.v1.Segment.$Shape): inferos.v1.Segment & inferos.v1.Segment.$Shape;
             *   (properties?: inferos.v1.Segment.$Properties): inferos.v1.Segment;
             * }}
             */
            Segment.create = function(properties) {
                return new Segment(properties);
            };

            /**
             * Encodes the specified Segment message. Does not implicitly {@link inferos.v1.Segment.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.Segment
             * @static
             * @param {inferos.v1.Segment.$Properties} message Segment message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Segment.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.bytes != null && $Object.hasOwnProperty.call(message, "bytes") && message.bytes !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.bytes);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Segment message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.Segment
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.Segment & inferos.v1.Segment.$Shape} Segment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Segment.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.Segment();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.bytes = value;
                            else
                                delete message.bytes;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Segment message.
             * @function verify
             * @memberof inferos.v1.Segment
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Segment.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.bytes != null && $Object.hasOwnProperty.call(message, "bytes"))
                    if (!$util.isInteger(message.bytes))
                        return "bytes: integer expected";
                return null;
            };

            /**
             * Creates a Segment message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.Segment
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.Segment} Segment
             */
            Segment.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.Segment)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.Segment: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.Segment();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.bytes != null)
                    if ($Number(object.bytes) !== 0)
                        message.bytes = object.bytes >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Segment message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.Segment
             * @static
             * @param {inferos.v1.Segment} message Segment
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Segment.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    object.bytes = 0;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.bytes != null && $Object.hasOwnProperty.call(message, "bytes"))
                    object.bytes = message.bytes;
                return object;
            };

            /**
             * Converts this Segment to JSON.
             * @function toJSON
             * @memberof inferos.v1.Segment
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Segment.prototype.toJSON = function() {
                return Segment.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Segment
             * @function getTypeUrl
             * @memberof inferos.v1.Segment
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Segment.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.Segment";
            };

            return Segment;
        })();

        v1.KvHandle = (function() {

            /**
             * Properties of a KvHandle.
             * @typedef {Object} inferos.v1.KvHandle.$Properties
             * @property {number|null} [segment] KvHandle segment
             * @property {number|null} [offset] KvHandle offset
             * @property {number|null} [length] KvHandle length
             * @property {number|null} [generation] KvHandle generation
             * @property {inferos.v1.Tier|null} [tier] KvHandle tier
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a KvHandle.
             * @memberof inferos.v1
             * @interface IKvHandle
             * @augments inferos.v1.KvHandle.$Properties
             * @deprecated Use inferos.v1.KvHandle.$Properties instead.
             */

            /**
             * Shape of a KvHandle.
             * @typedef {inferos.v1.KvHandle.$Properties} inferos.v1.KvHandle.$Shape
             */

            /**
             * Constructs a new KvHandle.
             * @memberof inferos.v1
             * @classdesc Represents a KvHandle.
             * @constructor
             * @param {inferos.v1.KvHandle.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const KvHandle = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * KvHandle segment.
             * @member {number} segment
             * @memberof inferos.v1.KvHandle
             * @instance
             */
            KvHandle.prototype.segment = 0;

            /**
             * KvHandle offset.
             * @member {number} offset
             * @memberof inferos.v1.KvHandle
             * @instance
             */
            KvHandle.prototype.offset = 0;

            /**
             * KvHandle length.
             * @member {number} length
             * @memberof inferos.v1.KvHandle
             * @instance
             */
            KvHandle.prototype.length = 0;

            /**
             * KvHandle generation.
             * @member {number} generation
             * @memberof inferos.v1.KvHandle
             * @instance
             */
            KvHandle.prototype.generation = 0;

            /**
             * KvHandle tier.
             * @member {inferos.v1.Tier} tier
             * @memberof inferos.v1.KvHandle
             * @instance
             */
            KvHandle.prototype.tier = 0;

            /**
             * Creates a new KvHandle instance using the specified properties.
             * @function create
             * @memberof inferos.v1.KvHandle
             * @static
             * @param {inferos.v1.KvHandle.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.KvHandle} KvHandle instance
             * @type {{
             *   (properties: inferos.v1.KvHandle.$Shape): inferos.v1.KvHandle & inferos.v1.KvHandle.$Shape;
             *   (properties?: inferos.v1.KvHandle.$Properties): inferos.v1.KvHandle;
             * }}
             */
            KvHandle.create = function(properties) {
                return new KvHandle(properties);
            };

            /**
             * Encodes the specified KvHandle message. Does not implicitly {@link inferos.v1.KvHandle.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.KvHandle
             * @static
             * @param {inferos.v1.KvHandle.$Properties} message KvHandle message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            KvHandle.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.segment != null && $Object.hasOwnProperty.call(message, "segment") && message.segment !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.segment);
                if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && message.offset !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.offset);
                if (message.length != null && $Object.hasOwnProperty.call(message, "length") && message.length !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.length);
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation") && message.generation !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.generation);
                if (message.tier != null && $Object.hasOwnProperty.call(message, "tier") && message.tier !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.tier);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a KvHandle message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.KvHandle
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.KvHandle & inferos.v1.KvHandle.$Shape} KvHandle
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            KvHandle.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.KvHandle();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.segment = value;
                            else
                                delete message.segment;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.offset = value;
                            else
                                delete message.offset;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.length = value;
                            else
                                delete message.length;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.generation = value;
                            else
                                delete message.generation;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.tier = value;
                            else
                                delete message.tier;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a KvHandle message.
             * @function verify
             * @memberof inferos.v1.KvHandle
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            KvHandle.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.segment != null && $Object.hasOwnProperty.call(message, "segment"))
                    if (!$util.isInteger(message.segment))
                        return "segment: integer expected";
                if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                    if (!$util.isInteger(message.offset))
                        return "offset: integer expected";
                if (message.length != null && $Object.hasOwnProperty.call(message, "length"))
                    if (!$util.isInteger(message.length))
                        return "length: integer expected";
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation"))
                    if (!$util.isInteger(message.generation))
                        return "generation: integer expected";
                if (message.tier != null && $Object.hasOwnProperty.call(message, "tier"))
                    if (typeof message.tier !== "number" || (message.tier | 0) !== message.tier)
                        return "tier: enum value expected";
                return null;
            };

            /**
             * Creates a KvHandle message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.KvHandle
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.KvHandle} KvHandle
             */
            KvHandle.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.KvHandle)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.KvHandle: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.KvHandle();
                if (object.segment != null)
                    if ($Number(object.segment) !== 0)
                        message.segment = object.segment >>> 0;
                if (object.offset != null)
                    if ($Number(object.offset) !== 0)
                        message.offset = object.offset >>> 0;
                if (object.length != null)
                    if ($Number(object.length) !== 0)
                        message.length = object.length >>> 0;
                if (object.generation != null)
                    if ($Number(object.generation) !== 0)
                        message.generation = object.generation >>> 0;
                if (object.tier !== 0 && (typeof object.tier !== "string" || $root.inferos.v1.Tier[object.tier] !== 0))
                    switch (object.tier) {
                    case "TIER_UNSPECIFIED":
                    case 0:
                        message.tier = 0;
                        break;
                    case "TIER_F32":
                    case 1:
                        message.tier = 1;
                        break;
                    case "TIER_F16":
                    case 2:
                        message.tier = 2;
                        break;
                    case "TIER_INT8":
                    case 3:
                        message.tier = 3;
                        break;
                    case "TIER_INT4":
                    case 4:
                        message.tier = 4;
                        break;
                    case "TIER_STAGING":
                    case 5:
                        message.tier = 5;
                        break;
                    default:
                        if (typeof object.tier === "number" && (object.tier | 0) === object.tier)
                            message.tier = object.tier;
                    }
                return message;
            };

            /**
             * Creates a plain object from a KvHandle message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.KvHandle
             * @static
             * @param {inferos.v1.KvHandle} message KvHandle
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            KvHandle.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.segment = 0;
                    object.offset = 0;
                    object.length = 0;
                    object.generation = 0;
                    object.tier = options.enums === $String ? "TIER_UNSPECIFIED" : 0;
                }
                if (message.segment != null && $Object.hasOwnProperty.call(message, "segment"))
                    object.segment = message.segment;
                if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                    object.offset = message.offset;
                if (message.length != null && $Object.hasOwnProperty.call(message, "length"))
                    object.length = message.length;
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation"))
                    object.generation = message.generation;
                if (message.tier != null && $Object.hasOwnProperty.call(message, "tier"))
                    object.tier = options.enums === $String ? $root.inferos.v1.Tier[message.tier] === $undefined ? message.tier : $root.inferos.v1.Tier[message.tier] : message.tier;
                return object;
            };

            /**
             * Converts this KvHandle to JSON.
             * @function toJSON
             * @memberof inferos.v1.KvHandle
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            KvHandle.prototype.toJSON = function() {
                return KvHandle.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for KvHandle
             * @function getTypeUrl
             * @memberof inferos.v1.KvHandle
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            KvHandle.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.KvHandle";
            };

            return KvHandle;
        })();

        v1.KvTensor = (function() {

            /**
             * Properties of a KvTensor.
             * @typedef {Object} inferos.v1.KvTensor.$Properties
             * @property {string|null} [name] KvTensor name
             * @property {number|null} [layer] KvTensor layer
             * @property {inferos.v1.Dtype|null} [dtype] KvTensor dtype
             * @property {Array.<number>|null} [dims] KvTensor dims
             * @property {inferos.v1.KvHandle.$Properties|null} [handle] KvTensor handle
             * @property {number|null} [tokens] KvTensor tokens
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a KvTensor.
             * @memberof inferos.v1
             * @interface IKvTensor
             * @augments inferos.v1.KvTensor.$Properties
             * @deprecated Use inferos.v1.KvTensor.$Properties instead.
             */

            /**
             * Shape of a KvTensor.
             * @typedef {inferos.v1.KvTensor.$Properties} inferos.v1.KvTensor.$Shape
             */

            /**
             * Constructs a new KvTensor.
             * @memberof inferos.v1
             * @classdesc Represents a KvTensor.
             * @constructor
             * @param {inferos.v1.KvTensor.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const KvTensor = function (properties) {
                this.dims = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * KvTensor name.
             * @member {string} name
             * @memberof inferos.v1.KvTensor
             * @instance
             */
            KvTensor.prototype.name = "";

            /**
             * KvTensor layer.
             * @member {number} layer
             * @memberof inferos.v1.KvTensor
             * @instance
             */
            KvTensor.prototype.layer = 0;

            /**
             * KvTensor dtype.
             * @member {inferos.v1.Dtype} dtype
             * @memberof inferos.v1.KvTensor
             * @instance
             */
            KvTensor.prototype.dtype = 0;

            /**
             * KvTensor dims.
             * @member {Array.<number>} dims
             * @memberof inferos.v1.KvTensor
             * @instance
             */
            KvTensor.prototype.dims = $util.emptyArray;

            /**
             * KvTensor handle.
             * @member {inferos.v1.KvHandle.$Properties|null|undefined} handle
             * @memberof inferos.v1.KvTensor
             * @instance
             */
            KvTensor.prototype.handle = null;

            /**
             * KvTensor tokens.
             * @member {number|null|undefined} tokens
             * @memberof inferos.v1.KvTensor
             * @instance
             */
            KvTensor.prototype.tokens = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(KvTensor.prototype, "_tokens", {
                get: $util.oneOfGetter($oneOfFields = ["tokens"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new KvTensor instance using the specified properties.
             * @function create
             * @memberof inferos.v1.KvTensor
             * @static
             * @param {inferos.v1.KvTensor.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.KvTensor} KvTensor instance
             * @type {{
             *   (properties: inferos.v1.KvTensor.$Shape): inferos.v1.KvTensor & inferos.v1.KvTensor.$Shape;
             *   (properties?: inferos.v1.KvTensor.$Properties): inferos.v1.KvTensor;
             * }}
             */
            KvTensor.create = function(properties) {
                return new KvTensor(properties);
            };

            /**
             * Encodes the specified KvTensor message. Does not implicitly {@link inferos.v1.KvTensor.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.KvTensor
             * @static
             * @param {inferos.v1.KvTensor.$Properties} message KvTensor message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            KvTensor.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.layer != null && $Object.hasOwnProperty.call(message, "layer") && message.layer !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.layer);
                if (message.dtype != null && $Object.hasOwnProperty.call(message, "dtype") && message.dtype !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.dtype);
                if (message.dims != null && message.dims.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).uint32s(message.dims);
                if (message.handle != null && $Object.hasOwnProperty.call(message, "handle"))
                    $root.inferos.v1.KvHandle.encode(message.handle, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.tokens);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a KvTensor message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.KvTensor
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.KvTensor & inferos.v1.KvTensor.$Shape} KvTensor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            KvTensor.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.KvTensor();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.layer = value;
                            else
                                delete message.layer;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.dtype = value;
                            else
                                delete message.dtype;
                            continue;
                        }
                    case 4: {
                            if (wireType === 2) {
                                if (!(message.dims && message.dims.length))
                                    message.dims = [];
                                reader.uint32s(message.dims);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.dims && message.dims.length))
                                message.dims = [];
                            message.dims.push(reader.uint32());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.handle = $root.inferos.v1.KvHandle.decode(reader, reader.size(), $undefined, _depth + 1, message.handle);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            message.tokens = reader.uint32();
                            message._tokens = "tokens";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a KvTensor message.
             * @function verify
             * @memberof inferos.v1.KvTensor
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            KvTensor.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.layer != null && $Object.hasOwnProperty.call(message, "layer"))
                    if (!$util.isInteger(message.layer))
                        return "layer: integer expected";
                if (message.dtype != null && $Object.hasOwnProperty.call(message, "dtype"))
                    if (typeof message.dtype !== "number" || (message.dtype | 0) !== message.dtype)
                        return "dtype: enum value expected";
                if (message.dims != null && $Object.hasOwnProperty.call(message, "dims")) {
                    if (!$Array.isArray(message.dims))
                        return "dims: array expected";
                    for (let i = 0; i < message.dims.length; ++i)
                        if (!$util.isInteger(message.dims[i]))
                            return "dims: integer[] expected";
                }
                if (message.handle != null && $Object.hasOwnProperty.call(message, "handle")) {
                    let error = $root.inferos.v1.KvHandle.verify(message.handle, _depth + 1);
                    if (error)
                        return "handle." + error;
                }
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens")) {
                    properties._tokens = 1;
                    if (!$util.isInteger(message.tokens))
                        return "tokens: integer expected";
                }
                return null;
            };

            /**
             * Creates a KvTensor message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.KvTensor
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.KvTensor} KvTensor
             */
            KvTensor.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.KvTensor)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.KvTensor: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.KvTensor();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.layer != null)
                    if ($Number(object.layer) !== 0)
                        message.layer = object.layer >>> 0;
                if (object.dtype !== 0 && (typeof object.dtype !== "string" || $root.inferos.v1.Dtype[object.dtype] !== 0))
                    switch (object.dtype) {
                    case "DTYPE_UNSPECIFIED":
                    case 0:
                        message.dtype = 0;
                        break;
                    case "DTYPE_FLOAT32":
                    case 1:
                        message.dtype = 1;
                        break;
                    case "DTYPE_FLOAT16":
                    case 2:
                        message.dtype = 2;
                        break;
                    case "DTYPE_UINT8":
                    case 3:
                        message.dtype = 3;
                        break;
                    default:
                        if (typeof object.dtype === "number" && (object.dtype | 0) === object.dtype)
                            message.dtype = object.dtype;
                    }
                if (object.dims) {
                    if (!$Array.isArray(object.dims))
                        throw $TypeError(".inferos.v1.KvTensor.dims: array expected");
                    message.dims = $Array(object.dims.length);
                    for (let i = 0; i < object.dims.length; ++i)
                        message.dims[i] = object.dims[i] >>> 0;
                }
                if (object.handle != null) {
                    if (!$util.isObject(object.handle))
                        throw $TypeError(".inferos.v1.KvTensor.handle: object expected");
                    message.handle = $root.inferos.v1.KvHandle.fromObject(object.handle, _depth + 1);
                }
                if (object.tokens != null)
                    message.tokens = object.tokens >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a KvTensor message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.KvTensor
             * @static
             * @param {inferos.v1.KvTensor} message KvTensor
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            KvTensor.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.dims = [];
                if (options.defaults) {
                    object.name = "";
                    object.layer = 0;
                    object.dtype = options.enums === $String ? "DTYPE_UNSPECIFIED" : 0;
                    object.handle = null;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.layer != null && $Object.hasOwnProperty.call(message, "layer"))
                    object.layer = message.layer;
                if (message.dtype != null && $Object.hasOwnProperty.call(message, "dtype"))
                    object.dtype = options.enums === $String ? $root.inferos.v1.Dtype[message.dtype] === $undefined ? message.dtype : $root.inferos.v1.Dtype[message.dtype] : message.dtype;
                if (message.dims && message.dims.length) {
                    object.dims = $Array(message.dims.length);
                    for (let j = 0; j < message.dims.length; ++j)
                        object.dims[j] = message.dims[j];
                }
                if (message.handle != null && $Object.hasOwnProperty.call(message, "handle"))
                    object.handle = $root.inferos.v1.KvHandle.toObject(message.handle, options, _depth + 1);
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens"))
                    object.tokens = message.tokens;
                return object;
            };

            /**
             * Converts this KvTensor to JSON.
             * @function toJSON
             * @memberof inferos.v1.KvTensor
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            KvTensor.prototype.toJSON = function() {
                return KvTensor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for KvTensor
             * @function getTypeUrl
             * @memberof inferos.v1.KvTensor
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            KvTensor.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.KvTensor";
            };

            return KvTensor;
        })();

        v1.SeqTable = (function() {

            /**
             * Properties of a SeqTable.
             * @typedef {Object} inferos.v1.SeqTable.$Properties
             * @property {number|null} [schemaVersion] SeqTable schemaVersion
             * @property {string|null} [seqId] SeqTable seqId
             * @property {number|null} [slot] SeqTable slot
             * @property {number|null} [generation] SeqTable generation
             * @property {number|null} [length] SeqTable length
             * @property {number|null} [groupSize] SeqTable groupSize
             * @property {boolean|null} [needsImportance] SeqTable needsImportance
             * @property {Array.<inferos.v1.Segment.$Properties>|null} [segments] SeqTable segments
             * @property {Array.<inferos.v1.KvTensor.$Properties>|null} [tensors] SeqTable tensors
             * @property {inferos.v1.Segment.$Properties|null} [locks] SeqTable locks
             * @property {number|null} [lockSlots] SeqTable lockSlots
             * @property {number|null} [maxTokens] SeqTable maxTokens
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SeqTable.
             * @memberof inferos.v1
             * @interface ISeqTable
             * @augments inferos.v1.SeqTable.$Properties
             * @deprecated Use inferos.v1.SeqTable.$Properties instead.
             */

            /**
             * Shape of a SeqTable.
             * @typedef {inferos.v1.SeqTable.$Properties} inferos.v1.SeqTable.$Shape
             */

            /**
             * Constructs a new SeqTable.
             * @memberof inferos.v1
             * @classdesc Represents a SeqTable.
             * @constructor
             * @param {inferos.v1.SeqTable.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SeqTable = function (properties) {
                this.segments = [];
                this.tensors = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SeqTable schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.SeqTable
             * @instance
             */
            SeqTable.prototype.schemaVersion = 0;

            /**
             * SeqTable seqId.
             * @member {string} seqId
             * @memberof inferos.v1.SeqTable
             * @instance
             */
            SeqTable.prototype.seqId = "";

            /**
             * SeqTable slot.
             * @member {number} slot
             * @memberof inferos.v1.SeqTable
             * @instance
             */
            SeqTable.prototype.slot = 0;

            /**
             * SeqTable generation.
             * @member {number} generation
             * @memberof inferos.v1.SeqTable
             * @instance
             */
            SeqTable.prototype.generation = 0;

            /**
             * SeqTable length.
             * @member {number} length
             * @memberof inferos.v1.SeqTable
             * @instance
             */
            SeqTable.prototype.length = 0;

            /**
             * SeqTable groupSize.
             * @member {number} groupSize
             * @memberof inferos.v1.SeqTable
             * @instance
             */
            SeqTable.prototype.groupSize = 0;

            /**
             * SeqTable needsImportance.
             * @member {boolean} needsImportance
             * @memberof inferos.v1.SeqTable
             * @instance
             */
            SeqTable.prototype.needsImportance = false;

            /**
             * SeqTable segments.
             * @member {Array.<inferos.v1.Segment.$Properties>} segments
             * @memberof inferos.v1.SeqTable
             * @instance
             */
            SeqTable.prototype.segments = $util.emptyArray;

            /**
             * SeqTable tensors.
             * @member {Array.<inferos.v1.KvTensor.$Properties>} tensors
             * @memberof inferos.v1.SeqTable
             * @instance
             */
            SeqTable.prototype.tensors = $util.emptyArray;

            /**
             * SeqTable locks.
             * @member {inferos.v1.Segment.$Properties|null|undefined} locks
             * @memberof inferos.v1.SeqTable
             * @instance
             */
            SeqTable.prototype.locks = null;

            /**
             * SeqTable lockSlots.
             * @member {number} lockSlots
             * @memberof inferos.v1.SeqTable
             * @instance
             */
            SeqTable.prototype.lockSlots = 0;

            /**
             * SeqTable maxTokens.
             * @member {number} maxTokens
             * @memberof inferos.v1.SeqTable
             * @instance
             */
            SeqTable.prototype.maxTokens = 0;

            /**
             * Creates a new SeqTable instance using the specified properties.
             * @function create
             * @memberof inferos.v1.SeqTable
             * @static
             * @param {inferos.v1.SeqTable.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.SeqTable} SeqTable instance
             * @type {{
             *   (properties: inferos.v1.SeqTable.$Shape): inferos.v1.SeqTable & inferos.v1.SeqTable.$Shape;
             *   (properties?: inferos.v1.SeqTable.$Properties): inferos.v1.SeqTable;
             * }}
             */
            SeqTable.create = function(properties) {
                return new SeqTable(properties);
            };

            /**
             * Encodes the specified SeqTable message. Does not implicitly {@link inferos.v1.SeqTable.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.SeqTable
             * @static
             * @param {inferos.v1.SeqTable.$Properties} message SeqTable message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SeqTable.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId") && message.seqId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.seqId);
                if (message.slot != null && $Object.hasOwnProperty.call(message, "slot") && message.slot !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.slot);
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation") && message.generation !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.generation);
                if (message.length != null && $Object.hasOwnProperty.call(message, "length") && message.length !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.length);
                if (message.groupSize != null && $Object.hasOwnProperty.call(message, "groupSize") && message.groupSize !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.groupSize);
                if (message.needsImportance != null && $Object.hasOwnProperty.call(message, "needsImportance") && message.needsImportance !== false)
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.needsImportance);
                if (message.segments != null && message.segments.length)
                    for (let i = 0; i < message.segments.length; ++i)
                        $root.inferos.v1.Segment.encode(message.segments[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.tensors != null && message.tensors.length)
                    for (let i = 0; i < message.tensors.length; ++i)
                        $root.inferos.v1.KvTensor.encode(message.tensors[i], writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.locks != null && $Object.hasOwnProperty.call(message, "locks"))
                    $root.inferos.v1.Segment.encode(message.locks, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.lockSlots != null && $Object.hasOwnProperty.call(message, "lockSlots") && message.lockSlots !== 0)
                    writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.lockSlots);
                if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens") && message.maxTokens !== 0)
                    writer.uint32(/* id 12, wireType 0 =*/96).uint32(message.maxTokens);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SeqTable message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.SeqTable
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.SeqTable & inferos.v1.SeqTable.$Shape} SeqTable
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SeqTable.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.SeqTable();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.seqId = value;
                            else
                                delete message.seqId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.slot = value;
                            else
                                delete message.slot;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.generation = value;
                            else
                                delete message.generation;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.length = value;
                            else
                                delete message.length;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.groupSize = value;
                            else
                                delete message.groupSize;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.needsImportance = value;
                            else
                                delete message.needsImportance;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (!(message.segments && message.segments.length))
                                message.segments = [];
                            message.segments.push($root.inferos.v1.Segment.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if (!(message.tensors && message.tensors.length))
                                message.tensors = [];
                            message.tensors.push($root.inferos.v1.KvTensor.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.locks = $root.inferos.v1.Segment.decode(reader, reader.size(), $undefined, _depth + 1, message.locks);
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.lockSlots = value;
                            else
                                delete message.lockSlots;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxTokens = value;
                            else
                                delete message.maxTokens;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a SeqTable message.
             * @function verify
             * @memberof inferos.v1.SeqTable
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SeqTable.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    if (!$util.isString(message.seqId))
                        return "seqId: string expected";
                if (message.slot != null && $Object.hasOwnProperty.call(message, "slot"))
                    if (!$util.isInteger(message.slot))
                        return "slot: integer expected";
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation"))
                    if (!$util.isInteger(message.generation))
                        return "generation: integer expected";
                if (message.length != null && $Object.hasOwnProperty.call(message, "length"))
                    if (!$util.isInteger(message.length))
                        return "length: integer expected";
                if (message.groupSize != null && $Object.hasOwnProperty.call(message, "groupSize"))
                    if (!$util.isInteger(message.groupSize))
                        return "groupSize: integer expected";
                if (message.needsImportance != null && $Object.hasOwnProperty.call(message, "needsImportance"))
                    if (typeof message.needsImportance !== "boolean")
                        return "needsImportance: boolean expected";
                if (message.segments != null && $Object.hasOwnProperty.call(message, "segments")) {
                    if (!$Array.isArray(message.segments))
                        return "segments: array expected";
                    for (let i = 0; i < message.segments.length; ++i) {
                        let error = $root.inferos.v1.Segment.verify(message.segments[i], _depth + 1);
                        if (error)
                            return "segments." + error;
                    }
                }
                if (message.tensors != null && $Object.hasOwnProperty.call(message, "tensors")) {
                    if (!$Array.isArray(message.tensors))
                        return "tensors: array expected";
                    for (let i = 0; i < message.tensors.length; ++i) {
                        let error = $root.inferos.v1.KvTensor.verify(message.tensors[i], _depth + 1);
                        if (error)
                            return "tensors." + error;
                    }
                }
                if (message.locks != null && $Object.hasOwnProperty.call(message, "locks")) {
                    let error = $root.inferos.v1.Segment.verify(message.locks, _depth + 1);
                    if (error)
                        return "locks." + error;
                }
                if (message.lockSlots != null && $Object.hasOwnProperty.call(message, "lockSlots"))
                    if (!$util.isInteger(message.lockSlots))
                        return "lockSlots: integer expected";
                if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens"))
                    if (!$util.isInteger(message.maxTokens))
                        return "maxTokens: integer expected";
                return null;
            };

            /**
             * Creates a SeqTable message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.SeqTable
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.SeqTable} SeqTable
             */
            SeqTable.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.SeqTable)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.SeqTable: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.SeqTable();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.seqId != null)
                    if (typeof object.seqId !== "string" || object.seqId.length)
                        message.seqId = $String(object.seqId);
                if (object.slot != null)
                    if ($Number(object.slot) !== 0)
                        message.slot = object.slot >>> 0;
                if (object.generation != null)
                    if ($Number(object.generation) !== 0)
                        message.generation = object.generation >>> 0;
                if (object.length != null)
                    if ($Number(object.length) !== 0)
                        message.length = object.length >>> 0;
                if (object.groupSize != null)
                    if ($Number(object.groupSize) !== 0)
                        message.groupSize = object.groupSize >>> 0;
                if (object.needsImportance != null)
                    if (object.needsImportance)
                        message.needsImportance = $Boolean(object.needsImportance);
                if (object.segments) {
                    if (!$Array.isArray(object.segments))
                        throw $TypeError(".inferos.v1.SeqTable.segments: array expected");
                    message.segments = $Array(object.segments.length);
                    for (let i = 0; i < object.segments.length; ++i) {
                        if (!$util.isObject(object.segments[i]))
                            throw $TypeError(".inferos.v1.SeqTable.segments: object expected");
                        message.segments[i] = $root.inferos.v1.Segment.fromObject(object.segments[i], _depth + 1);
                    }
                }
                if (object.tensors) {
                    if (!$Array.isArray(object.tensors))
                        throw $TypeError(".inferos.v1.SeqTable.tensors: array expected");
                    message.tensors = $Array(object.tensors.length);
                    for (let i = 0; i < object.tensors.length; ++i) {
                        if (!$util.isObject(object.tensors[i]))
                            throw $TypeError(".inferos.v1.SeqTable.tensors: object expected");
                        message.tensors[i] = $root.inferos.v1.KvTensor.fromObject(object.tensors[i], _depth + 1);
                    }
                }
                if (object.locks != null) {
                    if (!$util.isObject(object.locks))
                        throw $TypeError(".inferos.v1.SeqTable.locks: object expected");
                    message.locks = $root.inferos.v1.Segment.fromObject(object.locks, _depth + 1);
                }
                if (object.lockSlots != null)
                    if ($Number(object.lockSlots) !== 0)
                        message.lockSlots = object.lockSlots >>> 0;
                if (object.maxTokens != null)
                    if ($Number(object.maxTokens) !== 0)
                        message.maxTokens = object.maxTokens >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a SeqTable message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.SeqTable
             * @static
             * @param {inferos.v1.SeqTable} message SeqTable
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SeqTable.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.segments = [];
                    object.tensors = [];
                }
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.seqId = "";
                    object.slot = 0;
                    object.generation = 0;
                    object.length = 0;
                    object.groupSize = 0;
                    object.needsImportance = false;
                    object.locks = null;
                    object.lockSlots = 0;
                    object.maxTokens = 0;
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    object.seqId = message.seqId;
                if (message.slot != null && $Object.hasOwnProperty.call(message, "slot"))
                    object.slot = message.slot;
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation"))
                    object.generation = message.generation;
                if (message.length != null && $Object.hasOwnProperty.call(message, "length"))
                    object.length = message.length;
                if (message.groupSize != null && $Object.hasOwnProperty.call(message, "groupSize"))
                    object.groupSize = message.groupSize;
                if (message.needsImportance != null && $Object.hasOwnProperty.call(message, "needsImportance"))
                    object.needsImportance = message.needsImportance;
                if (message.segments && message.segments.length) {
                    object.segments = $Array(message.segments.length);
                    for (let j = 0; j < message.segments.length; ++j)
                        object.segments[j] = $root.inferos.v1.Segment.toObject(message.segments[j], options, _depth + 1);
                }
                if (message.tensors && message.tensors.length) {
                    object.tensors = $Array(message.tensors.length);
                    for (let j = 0; j < message.tensors.length; ++j)
                        object.tensors[j] = $root.inferos.v1.KvTensor.toObject(message.tensors[j], options, _depth + 1);
                }
                if (message.locks != null && $Object.hasOwnProperty.call(message, "locks"))
                    object.locks = $root.inferos.v1.Segment.toObject(message.locks, options, _depth + 1);
                if (message.lockSlots != null && $Object.hasOwnProperty.call(message, "lockSlots"))
                    object.lockSlots = message.lockSlots;
                if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens"))
                    object.maxTokens = message.maxTokens;
                return object;
            };

            /**
             * Converts this SeqTable to JSON.
             * @function toJSON
             * @memberof inferos.v1.SeqTable
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SeqTable.prototype.toJSON = function() {
                return SeqTable.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SeqTable
             * @function getTypeUrl
             * @memberof inferos.v1.SeqTable
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SeqTable.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.SeqTable";
            };

            return SeqTable;
        })();

        /**
         * OpenStatus enum.
         * @name inferos.v1.OpenStatus
         * @enum {number}
         * @property {number} OPEN_STATUS_UNSPECIFIED=0 OPEN_STATUS_UNSPECIFIED value
         * @property {number} OPEN_STATUS_OK=1 OPEN_STATUS_OK value
         * @property {number} OPEN_STATUS_SATURATED=2 OPEN_STATUS_SATURATED value
         * @property {number} OPEN_STATUS_TOO_LARGE=3 OPEN_STATUS_TOO_LARGE value
         * @property {number} OPEN_STATUS_BAD_REQUEST=4 OPEN_STATUS_BAD_REQUEST value
         */
        v1.OpenStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "OPEN_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "OPEN_STATUS_OK"] = 1;
            values[valuesById[2] = "OPEN_STATUS_SATURATED"] = 2;
            values[valuesById[3] = "OPEN_STATUS_TOO_LARGE"] = 3;
            values[valuesById[4] = "OPEN_STATUS_BAD_REQUEST"] = 4;
            return values;
        })();

        v1.SeqOpenRequest = (function() {

            /**
             * Properties of a SeqOpenRequest.
             * @typedef {Object} inferos.v1.SeqOpenRequest.$Properties
             * @property {number|null} [schemaVersion] SeqOpenRequest schemaVersion
             * @property {string|null} [requestId] SeqOpenRequest requestId
             * @property {string|null} [policy] SeqOpenRequest policy
             * @property {number|null} [promptTokens] SeqOpenRequest promptTokens
             * @property {number|null} [maxTokens] SeqOpenRequest maxTokens
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SeqOpenRequest.
             * @memberof inferos.v1
             * @interface ISeqOpenRequest
             * @augments inferos.v1.SeqOpenRequest.$Properties
             * @deprecated Use inferos.v1.SeqOpenRequest.$Properties instead.
             */

            /**
             * Shape of a SeqOpenRequest.
             * @typedef {inferos.v1.SeqOpenRequest.$Properties} inferos.v1.SeqOpenRequest.$Shape
             */

            /**
             * Constructs a new SeqOpenRequest.
             * @memberof inferos.v1
             * @classdesc Represents a SeqOpenRequest.
             * @constructor
             * @param {inferos.v1.SeqOpenRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SeqOpenRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SeqOpenRequest schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.SeqOpenRequest
             * @instance
             */
            SeqOpenRequest.prototype.schemaVersion = 0;

            /**
             * SeqOpenRequest requestId.
             * @member {string} requestId
             * @memberof inferos.v1.SeqOpenRequest
             * @instance
             */
            SeqOpenRequest.prototype.requestId = "";

            /**
             * SeqOpenRequest policy.
             * @member {string} policy
             * @memberof inferos.v1.SeqOpenRequest
             * @instance
             */
            SeqOpenRequest.prototype.policy = "";

            /**
             * SeqOpenRequest promptTokens.
             * @member {number} promptTokens
             * @memberof inferos.v1.SeqOpenRequest
             * @instance
             */
            SeqOpenRequest.prototype.promptTokens = 0;

            /**
             * SeqOpenRequest maxTokens.
             * @member {number} maxTokens
             * @memberof inferos.v1.SeqOpenRequest
             * @instance
             */
            SeqOpenRequest.prototype.maxTokens = 0;

            /**
             * Creates a new SeqOpenRequest instance using the specified properties.
             * @function create
             * @memberof inferos.v1.SeqOpenRequest
             * @static
             * @param {inferos.v1.SeqOpenRequest.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.SeqOpenRequest} SeqOpenRequest instance
             * @type {{
             *   (properties: inferos.v1.SeqOpenRequest.$Shape): inferos.v1.SeqOpenRequest & inferos.v1.SeqOpenRequest.$Shape;
             *   (properties?: inferos.v1.SeqOpenRequest.$Properties): inferos.v1.SeqOpenRequest;
             * }}
             */
            SeqOpenRequest.create = function(properties) {
                return new SeqOpenRequest(properties);
            };

            /**
             * Encodes the specified SeqOpenRequest message. Does not implicitly {@link inferos.v1.SeqOpenRequest.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.SeqOpenRequest
             * @static
             * @param {inferos.v1.SeqOpenRequest.$Properties} message SeqOpenRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SeqOpenRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.requestId);
                if (message.policy != null && $Object.hasOwnProperty.call(message, "policy") && message.policy !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.policy);
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens") && message.promptTokens !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.promptTokens);
                if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens") && message.maxTokens !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.maxTokens);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SeqOpenRequest message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.SeqOpenRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.SeqOpenRequest & inferos.v1.SeqOpenRequest.$Shape} SeqOpenRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SeqOpenRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.SeqOpenRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.policy = value;
                            else
                                delete message.policy;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.promptTokens = value;
                            else
                                delete message.promptTokens;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxTokens = value;
                            else
                                delete message.maxTokens;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a SeqOpenRequest message.
             * @function verify
             * @memberof inferos.v1.SeqOpenRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SeqOpenRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (!$util.isString(message.requestId))
                        return "requestId: string expected";
                if (message.policy != null && $Object.hasOwnProperty.call(message, "policy"))
                    if (!$util.isString(message.policy))
                        return "policy: string expected";
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens"))
                    if (!$util.isInteger(message.promptTokens))
                        return "promptTokens: integer expected";
                if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens"))
                    if (!$util.isInteger(message.maxTokens))
                        return "maxTokens: integer expected";
                return null;
            };

            /**
             * Creates a SeqOpenRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.SeqOpenRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.SeqOpenRequest} SeqOpenRequest
             */
            SeqOpenRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.SeqOpenRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.SeqOpenRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.SeqOpenRequest();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.requestId != null)
                    if (typeof object.requestId !== "string" || object.requestId.length)
                        message.requestId = $String(object.requestId);
                if (object.policy != null)
                    if (typeof object.policy !== "string" || object.policy.length)
                        message.policy = $String(object.policy);
                if (object.promptTokens != null)
                    if ($Number(object.promptTokens) !== 0)
                        message.promptTokens = object.promptTokens >>> 0;
                if (object.maxTokens != null)
                    if ($Number(object.maxTokens) !== 0)
                        message.maxTokens = object.maxTokens >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a SeqOpenRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.SeqOpenRequest
             * @static
             * @param {inferos.v1.SeqOpenRequest} message SeqOpenRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SeqOpenRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.requestId = "";
                    object.policy = "";
                    object.promptTokens = 0;
                    object.maxTokens = 0;
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    object.requestId = message.requestId;
                if (message.policy != null && $Object.hasOwnProperty.call(message, "policy"))
                    object.policy = message.policy;
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens"))
                    object.promptTokens = message.promptTokens;
                if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens"))
                    object.maxTokens = message.maxTokens;
                return object;
            };

            /**
             * Converts this SeqOpenRequest to JSON.
             * @function toJSON
             * @memberof inferos.v1.SeqOpenRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SeqOpenRequest.prototype.toJSON = function() {
                return SeqOpenRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SeqOpenRequest
             * @function getTypeUrl
             * @memberof inferos.v1.SeqOpenRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SeqOpenRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.SeqOpenRequest";
            };

            return SeqOpenRequest;
        })();

        v1.SeqOpenReply = (function() {

            /**
             * Properties of a SeqOpenReply.
             * @typedef {Object} inferos.v1.SeqOpenReply.$Properties
             * @property {number|null} [schemaVersion] SeqOpenReply schemaVersion
             * @property {inferos.v1.OpenStatus|null} [status] SeqOpenReply status
             * @property {string|null} [seqId] SeqOpenReply seqId
             * @property {string|null} [message] SeqOpenReply message
             * @property {number|null} [retryAfterMs] SeqOpenReply retryAfterMs
             * @property {number|null} [reservedBytes] SeqOpenReply reservedBytes
             * @property {number|null} [chunk] SeqOpenReply chunk
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SeqOpenReply.
             * @memberof inferos.v1
             * @interface ISeqOpenReply
             * @augments inferos.v1.SeqOpenReply.$Properties
             * @deprecated Use inferos.v1.SeqOpenReply.$Properties instead.
             */

            /**
             * Shape of a SeqOpenReply.
             * @typedef {inferos.v1.SeqOpenReply.$Properties} inferos.v1.SeqOpenReply.$Shape
             */

            /**
             * Constructs a new SeqOpenReply.
             * @memberof inferos.v1
             * @classdesc Represents a SeqOpenReply.
             * @constructor
             * @param {inferos.v1.SeqOpenReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SeqOpenReply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SeqOpenReply schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.SeqOpenReply
             * @instance
             */
            SeqOpenReply.prototype.schemaVersion = 0;

            /**
             * SeqOpenReply status.
             * @member {inferos.v1.OpenStatus} status
             * @memberof inferos.v1.SeqOpenReply
             * @instance
             */
            SeqOpenReply.prototype.status = 0;

            /**
             * SeqOpenReply seqId.
             * @member {string} seqId
             * @memberof inferos.v1.SeqOpenReply
             * @instance
             */
            SeqOpenReply.prototype.seqId = "";

            /**
             * SeqOpenReply message.
             * @member {string} message
             * @memberof inferos.v1.SeqOpenReply
             * @instance
             */
            SeqOpenReply.prototype.message = "";

            /**
             * SeqOpenReply retryAfterMs.
             * @member {number} retryAfterMs
             * @memberof inferos.v1.SeqOpenReply
             * @instance
             */
            SeqOpenReply.prototype.retryAfterMs = 0;

            /**
             * SeqOpenReply reservedBytes.
             * @member {number} reservedBytes
             * @memberof inferos.v1.SeqOpenReply
             * @instance
             */
            SeqOpenReply.prototype.reservedBytes = 0;

            /**
             * SeqOpenReply chunk.
             * @member {number} chunk
             * @memberof inferos.v1.SeqOpenReply
             * @instance
             */
            SeqOpenReply.prototype.chunk = 0;

            /**
             * Creates a new SeqOpenReply instance using the specified properties.
             * @function create
             * @memberof inferos.v1.SeqOpenReply
             * @static
             * @param {inferos.v1.SeqOpenReply.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.SeqOpenReply} SeqOpenReply instance
             * @type {{
             *   (properties: inferos.v1.SeqOpenReply.$Shape): inferos.v1.SeqOpenReply & inferos.v1.SeqOpenReply.$Shape;
             *   (properties?: inferos.v1.SeqOpenReply.$Properties): inferos.v1.SeqOpenReply;
             * }}
             */
            SeqOpenReply.create = function(properties) {
                return new SeqOpenReply(properties);
            };

            /**
             * Encodes the specified SeqOpenReply message. Does not implicitly {@link inferos.v1.SeqOpenReply.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.SeqOpenReply
             * @static
             * @param {inferos.v1.SeqOpenReply.$Properties} message SeqOpenReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SeqOpenReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.status);
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId") && message.seqId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.seqId);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.message);
                if (message.retryAfterMs != null && $Object.hasOwnProperty.call(message, "retryAfterMs") && message.retryAfterMs !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.retryAfterMs);
                if (message.reservedBytes != null && $Object.hasOwnProperty.call(message, "reservedBytes") && message.reservedBytes !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.reservedBytes);
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk") && message.chunk !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.chunk);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SeqOpenReply message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.SeqOpenReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.SeqOpenReply & inferos.v1.SeqOpenReply.$Shape} SeqOpenReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SeqOpenReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.SeqOpenReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.seqId = value;
                            else
                                delete message.seqId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.retryAfterMs = value;
                            else
                                delete message.retryAfterMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.reservedBytes = value;
                            else
                                delete message.reservedBytes;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.chunk = value;
                            else
                                delete message.chunk;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a SeqOpenReply message.
             * @function verify
             * @memberof inferos.v1.SeqOpenReply
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SeqOpenReply.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    if (typeof message.status !== "number" || (message.status | 0) !== message.status)
                        return "status: enum value expected";
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    if (!$util.isString(message.seqId))
                        return "seqId: string expected";
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    if (!$util.isString(message.message))
                        return "message: string expected";
                if (message.retryAfterMs != null && $Object.hasOwnProperty.call(message, "retryAfterMs"))
                    if (!$util.isInteger(message.retryAfterMs))
                        return "retryAfterMs: integer expected";
                if (message.reservedBytes != null && $Object.hasOwnProperty.call(message, "reservedBytes"))
                    if (!$util.isInteger(message.reservedBytes))
                        return "reservedBytes: integer expected";
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk"))
                    if (!$util.isInteger(message.chunk))
                        return "chunk: integer expected";
                return null;
            };

            /**
             * Creates a SeqOpenReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.SeqOpenReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.SeqOpenReply} SeqOpenReply
             */
            SeqOpenReply.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.SeqOpenReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.SeqOpenReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.SeqOpenReply();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.status !== 0 && (typeof object.status !== "string" || $root.inferos.v1.OpenStatus[object.status] !== 0))
                    switch (object.status) {
                    case "OPEN_STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "OPEN_STATUS_OK":
                    case 1:
                        message.status = 1;
                        break;
                    case "OPEN_STATUS_SATURATED":
                    case 2:
                        message.status = 2;
                        break;
                    case "OPEN_STATUS_TOO_LARGE":
                    case 3:
                        message.status = 3;
                        break;
                    case "OPEN_STATUS_BAD_REQUEST":
                    case 4:
                        message.status = 4;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.seqId != null)
                    if (typeof object.seqId !== "string" || object.seqId.length)
                        message.seqId = $String(object.seqId);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.retryAfterMs != null)
                    if ($Number(object.retryAfterMs) !== 0)
                        message.retryAfterMs = object.retryAfterMs >>> 0;
                if (object.reservedBytes != null)
                    if ($Number(object.reservedBytes) !== 0)
                        message.reservedBytes = object.reservedBytes >>> 0;
                if (object.chunk != null)
                    if ($Number(object.chunk) !== 0)
                        message.chunk = object.chunk >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a SeqOpenReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.SeqOpenReply
             * @static
             * @param {inferos.v1.SeqOpenReply} message SeqOpenReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SeqOpenReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.status = options.enums === $String ? "OPEN_STATUS_UNSPECIFIED" : 0;
                    object.seqId = "";
                    object.message = "";
                    object.retryAfterMs = 0;
                    object.reservedBytes = 0;
                    object.chunk = 0;
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.inferos.v1.OpenStatus[message.status] === $undefined ? message.status : $root.inferos.v1.OpenStatus[message.status] : message.status;
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    object.seqId = message.seqId;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.retryAfterMs != null && $Object.hasOwnProperty.call(message, "retryAfterMs"))
                    object.retryAfterMs = message.retryAfterMs;
                if (message.reservedBytes != null && $Object.hasOwnProperty.call(message, "reservedBytes"))
                    object.reservedBytes = message.reservedBytes;
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk"))
                    object.chunk = message.chunk;
                return object;
            };

            /**
             * Converts this SeqOpenReply to JSON.
             * @function toJSON
             * @memberof inferos.v1.SeqOpenReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SeqOpenReply.prototype.toJSON = function() {
                return SeqOpenReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SeqOpenReply
             * @function getTypeUrl
             * @memberof inferos.v1.SeqOpenReply
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SeqOpenReply.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.SeqOpenReply";
            };

            return SeqOpenReply;
        })();

        v1.SeqClaimRequest = (function() {

            /**
             * Properties of a SeqClaimRequest.
             * @typedef {Object} inferos.v1.SeqClaimRequest.$Properties
             * @property {number|null} [schemaVersion] SeqClaimRequest schemaVersion
             * @property {string|null} [seqId] SeqClaimRequest seqId
             * @property {string|null} [workerId] SeqClaimRequest workerId
             * @property {inferos.v1.DecodeJob.$Properties|null} [decodeJob] SeqClaimRequest decodeJob
             * @property {inferos.v1.PrefillJob.$Properties|null} [prefillJob] SeqClaimRequest prefillJob
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SeqClaimRequest.
             * @memberof inferos.v1
             * @interface ISeqClaimRequest
             * @augments inferos.v1.SeqClaimRequest.$Properties
             * @deprecated Use inferos.v1.SeqClaimRequest.$Properties instead.
             */

            /**
             * Shape of a SeqClaimRequest.
             * @typedef {inferos.v1.SeqClaimRequest.$Properties} inferos.v1.SeqClaimRequest.$Shape
             */

            /**
             * Constructs a new SeqClaimRequest.
             * @memberof inferos.v1
             * @classdesc Represents a SeqClaimRequest.
             * @constructor
             * @param {inferos.v1.SeqClaimRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SeqClaimRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SeqClaimRequest schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.SeqClaimRequest
             * @instance
             */
            SeqClaimRequest.prototype.schemaVersion = 0;

            /**
             * SeqClaimRequest seqId.
             * @member {string} seqId
             * @memberof inferos.v1.SeqClaimRequest
             * @instance
             */
            SeqClaimRequest.prototype.seqId = "";

            /**
             * SeqClaimRequest workerId.
             * @member {string} workerId
             * @memberof inferos.v1.SeqClaimRequest
             * @instance
             */
            SeqClaimRequest.prototype.workerId = "";

            /**
             * SeqClaimRequest decodeJob.
             * @member {inferos.v1.DecodeJob.$Properties|null|undefined} decodeJob
             * @memberof inferos.v1.SeqClaimRequest
             * @instance
             */
            SeqClaimRequest.prototype.decodeJob = null;

            /**
             * SeqClaimRequest prefillJob.
             * @member {inferos.v1.PrefillJob.$Properties|null|undefined} prefillJob
             * @memberof inferos.v1.SeqClaimRequest
             * @instance
             */
            SeqClaimRequest.prototype.prefillJob = null;

            /**
             * Creates a new SeqClaimRequest instance using the specified properties.
             * @function create
             * @memberof inferos.v1.SeqClaimRequest
             * @static
             * @param {inferos.v1.SeqClaimRequest.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.SeqClaimRequest} SeqClaimRequest instance
             * @type {{
             *   (properties: inferos.v1.SeqClaimRequest.$Shape): inferos.v1.SeqClaimRequest & inferos.v1.SeqClaimRequest.$Shape;
             *   (properties?: inferos.v1.SeqClaimRequest.$Properties): inferos.v1.SeqClaimRequest;
             * }}
             */
            SeqClaimRequest.create = function(properties) {
                return new SeqClaimRequest(properties);
            };

            /**
             * Encodes the specified SeqClaimRequest message. Does not implicitly {@link inferos.v1.SeqClaimRequest.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.SeqClaimRequest
             * @static
             * @param {inferos.v1.SeqClaimRequest.$Properties} message SeqClaimRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SeqClaimRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId") && message.seqId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.seqId);
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId") && message.workerId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.workerId);
                if (message.decodeJob != null && $Object.hasOwnProperty.call(message, "decodeJob"))
                    $root.inferos.v1.DecodeJob.encode(message.decodeJob, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.prefillJob != null && $Object.hasOwnProperty.call(message, "prefillJob"))
                    $root.inferos.v1.PrefillJob.encode(message.prefillJob, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SeqClaimRequest message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.SeqClaimRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.SeqClaimRequest & inferos.v1.SeqClaimRequest.$Shape} SeqClaimRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SeqClaimRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.SeqClaimRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.seqId = value;
                            else
                                delete message.seqId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workerId = value;
                            else
                                delete message.workerId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.decodeJob = $root.inferos.v1.DecodeJob.decode(reader, reader.size(), $undefined, _depth + 1, message.decodeJob);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.prefillJob = $root.inferos.v1.PrefillJob.decode(reader, reader.size(), $undefined, _depth + 1, message.prefillJob);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a SeqClaimRequest message.
             * @function verify
             * @memberof inferos.v1.SeqClaimRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SeqClaimRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    if (!$util.isString(message.seqId))
                        return "seqId: string expected";
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                    if (!$util.isString(message.workerId))
                        return "workerId: string expected";
                if (message.decodeJob != null && $Object.hasOwnProperty.call(message, "decodeJob")) {
                    let error = $root.inferos.v1.DecodeJob.verify(message.decodeJob, _depth + 1);
                    if (error)
                        return "decodeJob." + error;
                }
                if (message.prefillJob != null && $Object.hasOwnProperty.call(message, "prefillJob")) {
                    let error = $root.inferos.v1.PrefillJob.verify(message.prefillJob, _depth + 1);
                    if (error)
                        return "prefillJob." + error;
                }
                return null;
            };

            /**
             * Creates a SeqClaimRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.SeqClaimRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.SeqClaimRequest} SeqClaimRequest
             */
            SeqClaimRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.SeqClaimRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.SeqClaimRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.SeqClaimRequest();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.seqId != null)
                    if (typeof object.seqId !== "string" || object.seqId.length)
                        message.seqId = $String(object.seqId);
                if (object.workerId != null)
                    if (typeof object.workerId !== "string" || object.workerId.length)
                        message.workerId = $String(object.workerId);
                if (object.decodeJob != null) {
                    if (!$util.isObject(object.decodeJob))
                        throw $TypeError(".inferos.v1.SeqClaimRequest.decodeJob: object expected");
                    message.decodeJob = $root.inferos.v1.DecodeJob.fromObject(object.decodeJob, _depth + 1);
                }
                if (object.prefillJob != null) {
                    if (!$util.isObject(object.prefillJob))
                        throw $TypeError(".inferos.v1.SeqClaimRequest.prefillJob: object expected");
                    message.prefillJob = $root.inferos.v1.PrefillJob.fromObject(object.prefillJob, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a SeqClaimRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.SeqClaimRequest
             * @static
             * @param {inferos.v1.SeqClaimRequest} message SeqClaimRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SeqClaimRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.seqId = "";
                    object.workerId = "";
                    object.decodeJob = null;
                    object.prefillJob = null;
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    object.seqId = message.seqId;
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                    object.workerId = message.workerId;
                if (message.decodeJob != null && $Object.hasOwnProperty.call(message, "decodeJob"))
                    object.decodeJob = $root.inferos.v1.DecodeJob.toObject(message.decodeJob, options, _depth + 1);
                if (message.prefillJob != null && $Object.hasOwnProperty.call(message, "prefillJob"))
                    object.prefillJob = $root.inferos.v1.PrefillJob.toObject(message.prefillJob, options, _depth + 1);
                return object;
            };

            /**
             * Converts this SeqClaimRequest to JSON.
             * @function toJSON
             * @memberof inferos.v1.SeqClaimRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SeqClaimRequest.prototype.toJSON = function() {
                return SeqClaimRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SeqClaimRequest
             * @function getTypeUrl
             * @memberof inferos.v1.SeqClaimRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SeqClaimRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.SeqClaimRequest";
            };

            return SeqClaimRequest;
        })();

        /**
         * KvError enum.
         * @name inferos.v1.KvError
         * @enum {number}
         * @property {number} KV_ERROR_UNSPECIFIED=0 KV_ERROR_UNSPECIFIED value
         * @property {number} KV_ERROR_NO_SEQUENCE=1 KV_ERROR_NO_SEQUENCE value
         * @property {number} KV_ERROR_NOT_OWNER=2 KV_ERROR_NOT_OWNER value
         * @property {number} KV_ERROR_STALE_STEP=3 KV_ERROR_STALE_STEP value
         * @property {number} KV_ERROR_REFUSED=4 KV_ERROR_REFUSED value
         * @property {number} KV_ERROR_BAD_REQUEST=5 KV_ERROR_BAD_REQUEST value
         */
        v1.KvError = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "KV_ERROR_UNSPECIFIED"] = 0;
            values[valuesById[1] = "KV_ERROR_NO_SEQUENCE"] = 1;
            values[valuesById[2] = "KV_ERROR_NOT_OWNER"] = 2;
            values[valuesById[3] = "KV_ERROR_STALE_STEP"] = 3;
            values[valuesById[4] = "KV_ERROR_REFUSED"] = 4;
            values[valuesById[5] = "KV_ERROR_BAD_REQUEST"] = 5;
            return values;
        })();

        v1.SeqReply = (function() {

            /**
             * Properties of a SeqReply.
             * @typedef {Object} inferos.v1.SeqReply.$Properties
             * @property {number|null} [schemaVersion] SeqReply schemaVersion
             * @property {string|null} [error] SeqReply error
             * @property {inferos.v1.KvError|null} [code] SeqReply code
             * @property {inferos.v1.SeqTable.$Properties|null} [table] SeqReply table
             * @property {inferos.v1.SeqGrown.$Properties|null} [grown] SeqReply grown
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SeqReply.
             * @memberof inferos.v1
             * @interface ISeqReply
             * @augments inferos.v1.SeqReply.$Properties
             * @deprecated Use inferos.v1.SeqReply.$Properties instead.
             */

            /**
             * Shape of a SeqReply.
             * @typedef {inferos.v1.SeqReply.$Properties} inferos.v1.SeqReply.$Shape
             */

            /**
             * Constructs a new SeqReply.
             * @memberof inferos.v1
             * @classdesc Represents a SeqReply.
             * @constructor
             * @param {inferos.v1.SeqReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SeqReply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SeqReply schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.SeqReply
             * @instance
             */
            SeqReply.prototype.schemaVersion = 0;

            /**
             * SeqReply error.
             * @member {string} error
             * @memberof inferos.v1.SeqReply
             * @instance
             */
            SeqReply.prototype.error = "";

            /**
             * SeqReply code.
             * @member {inferos.v1.KvError} code
             * @memberof inferos.v1.SeqReply
             * @instance
             */
            SeqReply.prototype.code = 0;

            /**
             * SeqReply table.
             * @member {inferos.v1.SeqTable.$Properties|null|undefined} table
             * @memberof inferos.v1.SeqReply
             * @instance
             */
            SeqReply.prototype.table = null;

            /**
             * SeqReply grown.
             * @member {inferos.v1.SeqGrown.$Properties|null|undefined} grown
             * @memberof inferos.v1.SeqReply
             * @instance
             */
            SeqReply.prototype.grown = null;

            /**
             * Creates a new SeqReply instance using the specified properties.
             * @function create
             * @memberof inferos.v1.SeqReply
             * @static
             * @param {inferos.v1.SeqReply.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.SeqReply} SeqReply instance
             * @type {{
             *   (properties: inferos.v1.SeqReply.$Shape): inferos.v1.SeqReply & inferos.v1.SeqReply.$Shape;
             *   (properties?: inferos.v1.SeqReply.$Properties): inferos.v1.SeqReply;
             * }}
             */
            SeqReply.create = function(properties) {
                return new SeqReply(properties);
            };

            /**
             * Encodes the specified SeqReply message. Does not implicitly {@link inferos.v1.SeqReply.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.SeqReply
             * @static
             * @param {inferos.v1.SeqReply.$Properties} message SeqReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SeqReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.error);
                if (message.table != null && $Object.hasOwnProperty.call(message, "table"))
                    $root.inferos.v1.SeqTable.encode(message.table, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.grown != null && $Object.hasOwnProperty.call(message, "grown"))
                    $root.inferos.v1.SeqGrown.encode(message.grown, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.code);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SeqReply message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.SeqReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.SeqReply & inferos.v1.SeqReply.$Shape} SeqReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SeqReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.SeqReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.table = $root.inferos.v1.SeqTable.decode(reader, reader.size(), $undefined, _depth + 1, message.table);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.grown = $root.inferos.v1.SeqGrown.decode(reader, reader.size(), $undefined, _depth + 1, message.grown);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a SeqReply message.
             * @function verify
             * @memberof inferos.v1.SeqReply
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SeqReply.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    if (!$util.isString(message.error))
                        return "error: string expected";
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    if (typeof message.code !== "number" || (message.code | 0) !== message.code)
                        return "code: enum value expected";
                if (message.table != null && $Object.hasOwnProperty.call(message, "table")) {
                    let error = $root.inferos.v1.SeqTable.verify(message.table, _depth + 1);
                    if (error)
                        return "table." + error;
                }
                if (message.grown != null && $Object.hasOwnProperty.call(message, "grown")) {
                    let error = $root.inferos.v1.SeqGrown.verify(message.grown, _depth + 1);
                    if (error)
                        return "grown." + error;
                }
                return null;
            };

            /**
             * Creates a SeqReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.SeqReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.SeqReply} SeqReply
             */
            SeqReply.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.SeqReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.SeqReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.SeqReply();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.error != null)
                    if (typeof object.error !== "string" || object.error.length)
                        message.error = $String(object.error);
                if (object.code !== 0 && (typeof object.code !== "string" || $root.inferos.v1.KvError[object.code] !== 0))
                    switch (object.code) {
                    case "KV_ERROR_UNSPECIFIED":
                    case 0:
                        message.code = 0;
                        break;
                    case "KV_ERROR_NO_SEQUENCE":
                    case 1:
                        message.code = 1;
                        break;
                    case "KV_ERROR_NOT_OWNER":
                    case 2:
                        message.code = 2;
                        break;
                    case "KV_ERROR_STALE_STEP":
                    case 3:
                        message.code = 3;
                        break;
                    case "KV_ERROR_REFUSED":
                    case 4:
                        message.code = 4;
                        break;
                    case "KV_ERROR_BAD_REQUEST":
                    case 5:
                        message.code = 5;
                        break;
                    default:
                        if (typeof object.code === "number" && (object.code | 0) === object.code)
                            message.code = object.code;
                    }
                if (object.table != null) {
                    if (!$util.isObject(object.table))
                        throw $TypeError(".inferos.v1.SeqReply.table: object expected");
                    message.table = $root.inferos.v1.SeqTable.fromObject(object.table, _depth + 1);
                }
                if (object.grown != null) {
                    if (!$util.isObject(object.grown))
                        throw $TypeError(".inferos.v1.SeqReply.grown: object expected");
                    message.grown = $root.inferos.v1.SeqGrown.fromObject(object.grown, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a SeqReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.SeqReply
             * @static
             * @param {inferos.v1.SeqReply} message SeqReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SeqReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.error = "";
                    object.table = null;
                    object.grown = null;
                    object.code = options.enums === $String ? "KV_ERROR_UNSPECIFIED" : 0;
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    object.error = message.error;
                if (message.table != null && $Object.hasOwnProperty.call(message, "table"))
                    object.table = $root.inferos.v1.SeqTable.toObject(message.table, options, _depth + 1);
                if (message.grown != null && $Object.hasOwnProperty.call(message, "grown"))
                    object.grown = $root.inferos.v1.SeqGrown.toObject(message.grown, options, _depth + 1);
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = options.enums === $String ? $root.inferos.v1.KvError[message.code] === $undefined ? message.code : $root.inferos.v1.KvError[message.code] : message.code;
                return object;
            };

            /**
             * Converts this SeqReply to JSON.
             * @function toJSON
             * @memberof inferos.v1.SeqReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SeqReply.prototype.toJSON = function() {
                return SeqReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SeqReply
             * @function getTypeUrl
             * @memberof inferos.v1.SeqReply
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SeqReply.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.SeqReply";
            };

            return SeqReply;
        })();

        v1.SeqGrown = (function() {

            /**
             * Properties of a SeqGrown.
             * @typedef {Object} inferos.v1.SeqGrown.$Properties
             * @property {number|null} [generation] SeqGrown generation
             * @property {number|null} [length] SeqGrown length
             * @property {number|null} [tokens] SeqGrown tokens
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SeqGrown.
             * @memberof inferos.v1
             * @interface ISeqGrown
             * @augments inferos.v1.SeqGrown.$Properties
             * @deprecated Use inferos.v1.SeqGrown.$Properties instead.
             */

            /**
             * Shape of a SeqGrown.
             * @typedef {inferos.v1.SeqGrown.$Properties} inferos.v1.SeqGrown.$Shape
             */

            /**
             * Constructs a new SeqGrown.
             * @memberof inferos.v1
             * @classdesc Represents a SeqGrown.
             * @constructor
             * @param {inferos.v1.SeqGrown.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SeqGrown = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SeqGrown generation.
             * @member {number} generation
             * @memberof inferos.v1.SeqGrown
             * @instance
             */
            SeqGrown.prototype.generation = 0;

            /**
             * SeqGrown length.
             * @member {number} length
             * @memberof inferos.v1.SeqGrown
             * @instance
             */
            SeqGrown.prototype.length = 0;

            /**
             * SeqGrown tokens.
             * @member {number} tokens
             * @memberof inferos.v1.SeqGrown
             * @instance
             */
            SeqGrown.prototype.tokens = 0;

            /**
             * Creates a new SeqGrown instance using the specified properties.
             * @function create
             * @memberof inferos.v1.SeqGrown
             * @static
             * @param {inferos.v1.SeqGrown.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.SeqGrown} SeqGrown instance
             * @type {{
             *   (properties: inferos.v1.SeqGrown.$Shape): inferos.v1.SeqGrown & inferos.v1.SeqGrown.$Shape;
             *   (properties?: inferos.v1.SeqGrown.$Properties): inferos.v1.SeqGrown;
             * }}
             */
            SeqGrown.create = function(properties) {
                return new SeqGrown(properties);
            };

            /**
             * Encodes the specified SeqGrown message. Does not implicitly {@link inferos.v1.SeqGrown.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.SeqGrown
             * @static
             * @param {inferos.v1.SeqGrown.$Properties} message SeqGrown message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SeqGrown.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation") && message.generation !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.generation);
                if (message.length != null && $Object.hasOwnProperty.call(message, "length") && message.length !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.length);
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens") && message.tokens !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.tokens);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SeqGrown message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.SeqGrown
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.SeqGrown & inferos.v1.SeqGrown.$Shape} SeqGrown
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SeqGrown.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.SeqGrown();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.generation = value;
                            else
                                delete message.generation;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.length = value;
                            else
                                delete message.length;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tokens = value;
                            else
                                delete message.tokens;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a SeqGrown message.
             * @function verify
             * @memberof inferos.v1.SeqGrown
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SeqGrown.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation"))
                    if (!$util.isInteger(message.generation))
                        return "generation: integer expected";
                if (message.length != null && $Object.hasOwnProperty.call(message, "length"))
                    if (!$util.isInteger(message.length))
                        return "length: integer expected";
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens"))
                    if (!$util.isInteger(message.tokens))
                        return "tokens: integer expected";
                return null;
            };

            /**
             * Creates a SeqGrown message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.SeqGrown
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.SeqGrown} SeqGrown
             */
            SeqGrown.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.SeqGrown)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.SeqGrown: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.SeqGrown();
                if (object.generation != null)
                    if ($Number(object.generation) !== 0)
                        message.generation = object.generation >>> 0;
                if (object.length != null)
                    if ($Number(object.length) !== 0)
                        message.length = object.length >>> 0;
                if (object.tokens != null)
                    if ($Number(object.tokens) !== 0)
                        message.tokens = object.tokens >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a SeqGrown message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.SeqGrown
             * @static
             * @param {inferos.v1.SeqGrown} message SeqGrown
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SeqGrown.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.generation = 0;
                    object.length = 0;
                    object.tokens = 0;
                }
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation"))
                    object.generation = message.generation;
                if (message.length != null && $Object.hasOwnProperty.call(message, "length"))
                    object.length = message.length;
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens"))
                    object.tokens = message.tokens;
                return object;
            };

            /**
             * Converts this SeqGrown to JSON.
             * @function toJSON
             * @memberof inferos.v1.SeqGrown
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SeqGrown.prototype.toJSON = function() {
                return SeqGrown.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SeqGrown
             * @function getTypeUrl
             * @memberof inferos.v1.SeqGrown
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SeqGrown.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.SeqGrown";
            };

            return SeqGrown;
        })();

        v1.SeqStep = (function() {

            /**
             * Properties of a SeqStep.
             * @typedef {Object} inferos.v1.SeqStep.$Properties
             * @property {string|null} [seqId] SeqStep seqId
             * @property {number|null} [tokens] SeqStep tokens
             * @property {number|null} [generation] SeqStep generation
             * @property {inferos.v1.Segment.$Properties|null} [staging] SeqStep staging
             * @property {number|null} [stagingOffset] SeqStep stagingOffset
             * @property {number|null} [stagingLength] SeqStep stagingLength
             * @property {inferos.v1.DecodeProgress.$Properties|null} [progress] SeqStep progress
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SeqStep.
             * @memberof inferos.v1
             * @interface ISeqStep
             * @augments inferos.v1.SeqStep.$Properties
             * @deprecated Use inferos.v1.SeqStep.$Properties instead.
             */

            /**
             * Shape of a SeqStep.
             * @typedef {inferos.v1.SeqStep.$Properties} inferos.v1.SeqStep.$Shape
             */

            /**
             * Constructs a new SeqStep.
             * @memberof inferos.v1
             * @classdesc Represents a SeqStep.
             * @constructor
             * @param {inferos.v1.SeqStep.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SeqStep = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SeqStep seqId.
             * @member {string} seqId
             * @memberof inferos.v1.SeqStep
             * @instance
             */
            SeqStep.prototype.seqId = "";

            /**
             * SeqStep tokens.
             * @member {number} tokens
             * @memberof inferos.v1.SeqStep
             * @instance
             */
            SeqStep.prototype.tokens = 0;

            /**
             * SeqStep generation.
             * @member {number} generation
             * @memberof inferos.v1.SeqStep
             * @instance
             */
            SeqStep.prototype.generation = 0;

            /**
             * SeqStep staging.
             * @member {inferos.v1.Segment.$Properties|null|undefined} staging
             * @memberof inferos.v1.SeqStep
             * @instance
             */
            SeqStep.prototype.staging = null;

            /**
             * SeqStep stagingOffset.
             * @member {number} stagingOffset
             * @memberof inferos.v1.SeqStep
             * @instance
             */
            SeqStep.prototype.stagingOffset = 0;

            /**
             * SeqStep stagingLength.
             * @member {number} stagingLength
             * @memberof inferos.v1.SeqStep
             * @instance
             */
            SeqStep.prototype.stagingLength = 0;

            /**
             * SeqStep progress.
             * @member {inferos.v1.DecodeProgress.$Properties|null|undefined} progress
             * @memberof inferos.v1.SeqStep
             * @instance
             */
            SeqStep.prototype.progress = null;

            /**
             * Creates a new SeqStep instance using the specified properties.
             * @function create
             * @memberof inferos.v1.SeqStep
             * @static
             * @param {inferos.v1.SeqStep.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.SeqStep} SeqStep instance
             * @type {{
             *   (properties: inferos.v1.SeqStep.$Shape): inferos.v1.SeqStep & inferos.v1.SeqStep.$Shape;
             *   (properties?: inferos.v1.SeqStep.$Properties): inferos.v1.SeqStep;
             * }}
             */
            SeqStep.create = function(properties) {
                return new SeqStep(properties);
            };

            /**
             * Encodes the specified SeqStep message. Does not implicitly {@link inferos.v1.SeqStep.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.SeqStep
             * @static
             * @param {inferos.v1.SeqStep.$Properties} message SeqStep message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SeqStep.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId") && message.seqId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.seqId);
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens") && message.tokens !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.tokens);
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation") && message.generation !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.generation);
                if (message.staging != null && $Object.hasOwnProperty.call(message, "staging"))
                    $root.inferos.v1.Segment.encode(message.staging, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.stagingOffset != null && $Object.hasOwnProperty.call(message, "stagingOffset") && message.stagingOffset !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.stagingOffset);
                if (message.stagingLength != null && $Object.hasOwnProperty.call(message, "stagingLength") && message.stagingLength !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.stagingLength);
                if (message.progress != null && $Object.hasOwnProperty.call(message, "progress"))
                    $root.inferos.v1.DecodeProgress.encode(message.progress, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SeqStep message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.SeqStep
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.SeqStep & inferos.v1.SeqStep.$Shape} SeqStep
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SeqStep.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.SeqStep();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.seqId = value;
                            else
                                delete message.seqId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tokens = value;
                            else
                                delete message.tokens;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.generation = value;
                            else
                                delete message.generation;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.staging = $root.inferos.v1.Segment.decode(reader, reader.size(), $undefined, _depth + 1, message.staging);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.stagingOffset = value;
                            else
                                delete message.stagingOffset;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.stagingLength = value;
                            else
                                delete message.stagingLength;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.progress = $root.inferos.v1.DecodeProgress.decode(reader, reader.size(), $undefined, _depth + 1, message.progress);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a SeqStep message.
             * @function verify
             * @memberof inferos.v1.SeqStep
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SeqStep.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    if (!$util.isString(message.seqId))
                        return "seqId: string expected";
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens"))
                    if (!$util.isInteger(message.tokens))
                        return "tokens: integer expected";
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation"))
                    if (!$util.isInteger(message.generation))
                        return "generation: integer expected";
                if (message.staging != null && $Object.hasOwnProperty.call(message, "staging")) {
                    let error = $root.inferos.v1.Segment.verify(message.staging, _depth + 1);
                    if (error)
                        return "staging." + error;
                }
                if (message.stagingOffset != null && $Object.hasOwnProperty.call(message, "stagingOffset"))
                    if (!$util.isInteger(message.stagingOffset))
                        return "stagingOffset: integer expected";
                if (message.stagingLength != null && $Object.hasOwnProperty.call(message, "stagingLength"))
                    if (!$util.isInteger(message.stagingLength))
                        return "stagingLength: integer expected";
                if (message.progress != null && $Object.hasOwnProperty.call(message, "progress")) {
                    let error = $root.inferos.v1.DecodeProgress.verify(message.progress, _depth + 1);
                    if (error)
                        return "progress." + error;
                }
                return null;
            };

            /**
             * Creates a SeqStep message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.SeqStep
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.SeqStep} SeqStep
             */
            SeqStep.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.SeqStep)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.SeqStep: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.SeqStep();
                if (object.seqId != null)
                    if (typeof object.seqId !== "string" || object.seqId.length)
                        message.seqId = $String(object.seqId);
                if (object.tokens != null)
                    if ($Number(object.tokens) !== 0)
                        message.tokens = object.tokens >>> 0;
                if (object.generation != null)
                    if ($Number(object.generation) !== 0)
                        message.generation = object.generation >>> 0;
                if (object.staging != null) {
                    if (!$util.isObject(object.staging))
                        throw $TypeError(".inferos.v1.SeqStep.staging: object expected");
                    message.staging = $root.inferos.v1.Segment.fromObject(object.staging, _depth + 1);
                }
                if (object.stagingOffset != null)
                    if ($Number(object.stagingOffset) !== 0)
                        message.stagingOffset = object.stagingOffset >>> 0;
                if (object.stagingLength != null)
                    if ($Number(object.stagingLength) !== 0)
                        message.stagingLength = object.stagingLength >>> 0;
                if (object.progress != null) {
                    if (!$util.isObject(object.progress))
                        throw $TypeError(".inferos.v1.SeqStep.progress: object expected");
                    message.progress = $root.inferos.v1.DecodeProgress.fromObject(object.progress, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a SeqStep message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.SeqStep
             * @static
             * @param {inferos.v1.SeqStep} message SeqStep
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SeqStep.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.seqId = "";
                    object.tokens = 0;
                    object.generation = 0;
                    object.staging = null;
                    object.stagingOffset = 0;
                    object.stagingLength = 0;
                    object.progress = null;
                }
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    object.seqId = message.seqId;
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens"))
                    object.tokens = message.tokens;
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation"))
                    object.generation = message.generation;
                if (message.staging != null && $Object.hasOwnProperty.call(message, "staging"))
                    object.staging = $root.inferos.v1.Segment.toObject(message.staging, options, _depth + 1);
                if (message.stagingOffset != null && $Object.hasOwnProperty.call(message, "stagingOffset"))
                    object.stagingOffset = message.stagingOffset;
                if (message.stagingLength != null && $Object.hasOwnProperty.call(message, "stagingLength"))
                    object.stagingLength = message.stagingLength;
                if (message.progress != null && $Object.hasOwnProperty.call(message, "progress"))
                    object.progress = $root.inferos.v1.DecodeProgress.toObject(message.progress, options, _depth + 1);
                return object;
            };

            /**
             * Converts this SeqStep to JSON.
             * @function toJSON
             * @memberof inferos.v1.SeqStep
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SeqStep.prototype.toJSON = function() {
                return SeqStep.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SeqStep
             * @function getTypeUrl
             * @memberof inferos.v1.SeqStep
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SeqStep.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.SeqStep";
            };

            return SeqStep;
        })();

        v1.DecodeProgress = (function() {

            /**
             * Properties of a DecodeProgress.
             * @typedef {Object} inferos.v1.DecodeProgress.$Properties
             * @property {number|null} [nextToken] DecodeProgress nextToken
             * @property {number|null} [generated] DecodeProgress generated
             * @property {number|null} [draws] DecodeProgress draws
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DecodeProgress.
             * @memberof inferos.v1
             * @interface IDecodeProgress
             * @augments inferos.v1.DecodeProgress.$Properties
             * @deprecated Use inferos.v1.DecodeProgress.$Properties instead.
             */

            /**
             * Shape of a DecodeProgress.
             * @typedef {inferos.v1.DecodeProgress.$Properties} inferos.v1.DecodeProgress.$Shape
             */

            /**
             * Constructs a new DecodeProgress.
             * @memberof inferos.v1
             * @classdesc Represents a DecodeProgress.
             * @constructor
             * @param {inferos.v1.DecodeProgress.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DecodeProgress = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DecodeProgress nextToken.
             * @member {number} nextToken
             * @memberof inferos.v1.DecodeProgress
             * @instance
             */
            DecodeProgress.prototype.nextToken = 0;

            /**
             * DecodeProgress generated.
             * @member {number} generated
             * @memberof inferos.v1.DecodeProgress
             * @instance
             */
            DecodeProgress.prototype.generated = 0;

            /**
             * DecodeProgress draws.
             * @member {number} draws
             * @memberof inferos.v1.DecodeProgress
             * @instance
             */
            DecodeProgress.prototype.draws = 0;

            /**
             * Creates a new DecodeProgress instance using the specified properties.
             * @function create
             * @memberof inferos.v1.DecodeProgress
             * @static
             * @param {inferos.v1.DecodeProgress.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.DecodeProgress} DecodeProgress instance
             * @type {{
             *   (properties: inferos.v1.DecodeProgress.$Shape): inferos.v1.DecodeProgress & inferos.v1.DecodeProgress.$Shape;
             *   (properties?: inferos.v1.DecodeProgress.$Properties): inferos.v1.DecodeProgress;
             * }}
             */
            DecodeProgress.create = function(properties) {
                return new DecodeProgress(properties);
            };

            /**
             * Encodes the specified DecodeProgress message. Does not implicitly {@link inferos.v1.DecodeProgress.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.DecodeProgress
             * @static
             * @param {inferos.v1.DecodeProgress.$Properties} message DecodeProgress message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DecodeProgress.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nextToken != null && $Object.hasOwnProperty.call(message, "nextToken") && message.nextToken !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.nextToken);
                if (message.generated != null && $Object.hasOwnProperty.call(message, "generated") && message.generated !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.generated);
                if (message.draws != null && $Object.hasOwnProperty.call(message, "draws") && message.draws !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.draws);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DecodeProgress message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.DecodeProgress
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.DecodeProgress & inferos.v1.DecodeProgress.$Shape} DecodeProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DecodeProgress.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.DecodeProgress();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.nextToken = value;
                            else
                                delete message.nextToken;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.generated = value;
                            else
                                delete message.generated;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.draws = value;
                            else
                                delete message.draws;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a DecodeProgress message.
             * @function verify
             * @memberof inferos.v1.DecodeProgress
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DecodeProgress.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.nextToken != null && $Object.hasOwnProperty.call(message, "nextToken"))
                    if (!$util.isInteger(message.nextToken))
                        return "nextToken: integer expected";
                if (message.generated != null && $Object.hasOwnProperty.call(message, "generated"))
                    if (!$util.isInteger(message.generated))
                        return "generated: integer expected";
                if (message.draws != null && $Object.hasOwnProperty.call(message, "draws"))
                    if (!$util.isInteger(message.draws))
                        return "draws: integer expected";
                return null;
            };

            /**
             * Creates a DecodeProgress message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.DecodeProgress
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.DecodeProgress} DecodeProgress
             */
            DecodeProgress.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.DecodeProgress)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.DecodeProgress: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.DecodeProgress();
                if (object.nextToken != null)
                    if ($Number(object.nextToken) !== 0)
                        message.nextToken = object.nextToken >>> 0;
                if (object.generated != null)
                    if ($Number(object.generated) !== 0)
                        message.generated = object.generated >>> 0;
                if (object.draws != null)
                    if ($Number(object.draws) !== 0)
                        message.draws = object.draws >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a DecodeProgress message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.DecodeProgress
             * @static
             * @param {inferos.v1.DecodeProgress} message DecodeProgress
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DecodeProgress.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.nextToken = 0;
                    object.generated = 0;
                    object.draws = 0;
                }
                if (message.nextToken != null && $Object.hasOwnProperty.call(message, "nextToken"))
                    object.nextToken = message.nextToken;
                if (message.generated != null && $Object.hasOwnProperty.call(message, "generated"))
                    object.generated = message.generated;
                if (message.draws != null && $Object.hasOwnProperty.call(message, "draws"))
                    object.draws = message.draws;
                return object;
            };

            /**
             * Converts this DecodeProgress to JSON.
             * @function toJSON
             * @memberof inferos.v1.DecodeProgress
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DecodeProgress.prototype.toJSON = function() {
                return DecodeProgress.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DecodeProgress
             * @function getTypeUrl
             * @memberof inferos.v1.DecodeProgress
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DecodeProgress.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.DecodeProgress";
            };

            return DecodeProgress;
        })();

        v1.StepCommitRequest = (function() {

            /**
             * Properties of a StepCommitRequest.
             * @typedef {Object} inferos.v1.StepCommitRequest.$Properties
             * @property {number|null} [schemaVersion] StepCommitRequest schemaVersion
             * @property {string|null} [workerId] StepCommitRequest workerId
             * @property {Array.<inferos.v1.SeqStep.$Properties>|null} [steps] StepCommitRequest steps
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StepCommitRequest.
             * @memberof inferos.v1
             * @interface IStepCommitRequest
             * @augments inferos.v1.StepCommitRequest.$Properties
             * @deprecated Use inferos.v1.StepCommitRequest.$Properties instead.
             */

            /**
             * Shape of a StepCommitRequest.
             * @typedef {inferos.v1.StepCommitRequest.$Properties} inferos.v1.StepCommitRequest.$Shape
             */

            /**
             * Constructs a new StepCommitRequest.
             * @memberof inferos.v1
             * @classdesc Represents a StepCommitRequest.
             * @constructor
             * @param {inferos.v1.StepCommitRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StepCommitRequest = function (properties) {
                this.steps = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StepCommitRequest schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.StepCommitRequest
             * @instance
             */
            StepCommitRequest.prototype.schemaVersion = 0;

            /**
             * StepCommitRequest workerId.
             * @member {string} workerId
             * @memberof inferos.v1.StepCommitRequest
             * @instance
             */
            StepCommitRequest.prototype.workerId = "";

            /**
             * StepCommitRequest steps.
             * @member {Array.<inferos.v1.SeqStep.$Properties>} steps
             * @memberof inferos.v1.StepCommitRequest
             * @instance
             */
            StepCommitRequest.prototype.steps = $util.emptyArray;

            /**
             * Creates a new StepCommitRequest instance using the specified properties.
             * @function create
             * @memberof inferos.v1.StepCommitRequest
             * @static
             * @param {inferos.v1.StepCommitRequest.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.StepCommitRequest} StepCommitRequest instance
             * @type {{
             *   (properties: inferos.v1.StepCommitRequest.$Shape): inferos.v1.StepCommitRequest & inferos.v1.StepCommitRequest.$Shape;
             *   (properties?: inferos.v1.StepCommitRequest.$Properties): inferos.v1.StepCommitRequest;
             * }}
             */
            StepCommitRequest.create = function(properties) {
                return new StepCommitRequest(properties);
            };

            /**
             * Encodes the specified StepCommitRequest message. Does not implicitly {@link inferos.v1.StepCommitRequest.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.StepCommitRequest
             * @static
             * @param {inferos.v1.StepCommitRequest.$Properties} message StepCommitRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StepCommitRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId") && message.workerId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.workerId);
                if (message.steps != null && message.steps.length)
                    for (let i = 0; i < message.steps.length; ++i)
                        $root.inferos.v1.SeqStep.encode(message.steps[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StepCommitRequest message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.StepCommitRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.StepCommitRequest & inferos.v1.StepCommitRequest.$Shape} StepCommitRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StepCommitRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.StepCommitRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workerId = value;
                            else
                                delete message.workerId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.steps && message.steps.length))
                                message.steps = [];
                            message.steps.push($root.inferos.v1.SeqStep.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a StepCommitRequest message.
             * @function verify
             * @memberof inferos.v1.StepCommitRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            StepCommitRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                    if (!$util.isString(message.workerId))
                        return "workerId: string expected";
                if (message.steps != null && $Object.hasOwnProperty.call(message, "steps")) {
                    if (!$Array.isArray(message.steps))
                        return "steps: array expected";
                    for (let i = 0; i < message.steps.length; ++i) {
                        let error = $root.inferos.v1.SeqStep.verify(message.steps[i], _depth + 1);
                        if (error)
                            return "steps." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a StepCommitRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.StepCommitRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.StepCommitRequest} StepCommitRequest
             */
            StepCommitRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.StepCommitRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.StepCommitRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.StepCommitRequest();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.workerId != null)
                    if (typeof object.workerId !== "string" || object.workerId.length)
                        message.workerId = $String(object.workerId);
                if (object.steps) {
                    if (!$Array.isArray(object.steps))
                        throw $TypeError(".inferos.v1.StepCommitRequest.steps: array expected");
                    message.steps = $Array(object.steps.length);
                    for (let i = 0; i < object.steps.length; ++i) {
                        if (!$util.isObject(object.steps[i]))
                            throw $TypeError(".inferos.v1.StepCommitRequest.steps: object expected");
                        message.steps[i] = $root.inferos.v1.SeqStep.fromObject(object.steps[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a StepCommitRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.StepCommitRequest
             * @static
             * @param {inferos.v1.StepCommitRequest} message StepCommitRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StepCommitRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.steps = [];
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.workerId = "";
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                    object.workerId = message.workerId;
                if (message.steps && message.steps.length) {
                    object.steps = $Array(message.steps.length);
                    for (let j = 0; j < message.steps.length; ++j)
                        object.steps[j] = $root.inferos.v1.SeqStep.toObject(message.steps[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this StepCommitRequest to JSON.
             * @function toJSON
             * @memberof inferos.v1.StepCommitRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StepCommitRequest.prototype.toJSON = function() {
                return StepCommitRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for StepCommitRequest
             * @function getTypeUrl
             * @memberof inferos.v1.StepCommitRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StepCommitRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.StepCommitRequest";
            };

            return StepCommitRequest;
        })();

        v1.StepCommitReply = (function() {

            /**
             * Properties of a StepCommitReply.
             * @typedef {Object} inferos.v1.StepCommitReply.$Properties
             * @property {number|null} [schemaVersion] StepCommitReply schemaVersion
             * @property {Array.<inferos.v1.SeqReply.$Properties>|null} [results] StepCommitReply results
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StepCommitReply.
             * @memberof inferos.v1
             * @interface IStepCommitReply
             * @augments inferos.v1.StepCommitReply.$Properties
             * @deprecated Use inferos.v1.StepCommitReply.$Properties instead.
             */

            /**
             * Shape of a StepCommitReply.
             * @typedef {inferos.v1.StepCommitReply.$Properties} inferos.v1.StepCommitReply.$Shape
             */

            /**
             * Constructs a new StepCommitReply.
             * @memberof inferos.v1
             * @classdesc Represents a StepCommitReply.
             * @constructor
             * @param {inferos.v1.StepCommitReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StepCommitReply = function (properties) {
                this.results = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StepCommitReply schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.StepCommitReply
             * @instance
             */
            StepCommitReply.prototype.schemaVersion = 0;

            /**
             * StepCommitReply results.
             * @member {Array.<inferos.v1.SeqReply.$Properties>} results
             * @memberof inferos.v1.StepCommitReply
             * @instance
             */
            StepCommitReply.prototype.results = $util.emptyArray;

            /**
             * Creates a new StepCommitReply instance using the specified properties.
             * @function create
             * @memberof inferos.v1.StepCommitReply
             * @static
             * @param {inferos.v1.StepCommitReply.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.StepCommitReply} StepCommitReply instance
             * @type {{
             *   (properties: inferos.v1.StepCommitReply.$Shape): inferos.v1.StepCommitReply & inferos.v1.StepCommitReply.$Shape;
             *   (properties?: inferos.v1.StepCommitReply.$Properties): inferos.v1.StepCommitReply;
             * }}
             */
            StepCommitReply.create = function(properties) {
                return new StepCommitReply(properties);
            };

            /**
             * Encodes the specified StepCommitReply message. Does not implicitly {@link inferos.v1.StepCommitReply.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.StepCommitReply
             * @static
             * @param {inferos.v1.StepCommitReply.$Properties} message StepCommitReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StepCommitReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.results != null && message.results.length)
                    for (let i = 0; i < message.results.length; ++i)
                        $root.inferos.v1.SeqReply.encode(message.results[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StepCommitReply message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.StepCommitReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.StepCommitReply & inferos.v1.StepCommitReply.$Shape} StepCommitReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StepCommitReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.StepCommitReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.results && message.results.length))
                                message.results = [];
                            message.results.push($root.inferos.v1.SeqReply.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a StepCommitReply message.
             * @function verify
             * @memberof inferos.v1.StepCommitReply
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            StepCommitReply.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.results != null && $Object.hasOwnProperty.call(message, "results")) {
                    if (!$Array.isArray(message.results))
                        return "results: array expected";
                    for (let i = 0; i < message.results.length; ++i) {
                        let error = $root.inferos.v1.SeqReply.verify(message.results[i], _depth + 1);
                        if (error)
                            return "results." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a StepCommitReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.StepCommitReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.StepCommitReply} StepCommitReply
             */
            StepCommitReply.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.StepCommitReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.StepCommitReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.StepCommitReply();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.results) {
                    if (!$Array.isArray(object.results))
                        throw $TypeError(".inferos.v1.StepCommitReply.results: array expected");
                    message.results = $Array(object.results.length);
                    for (let i = 0; i < object.results.length; ++i) {
                        if (!$util.isObject(object.results[i]))
                            throw $TypeError(".inferos.v1.StepCommitReply.results: object expected");
                        message.results[i] = $root.inferos.v1.SeqReply.fromObject(object.results[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a StepCommitReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.StepCommitReply
             * @static
             * @param {inferos.v1.StepCommitReply} message StepCommitReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StepCommitReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.results = [];
                if (options.defaults)
                    object.schemaVersion = 0;
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.results && message.results.length) {
                    object.results = $Array(message.results.length);
                    for (let j = 0; j < message.results.length; ++j)
                        object.results[j] = $root.inferos.v1.SeqReply.toObject(message.results[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this StepCommitReply to JSON.
             * @function toJSON
             * @memberof inferos.v1.StepCommitReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StepCommitReply.prototype.toJSON = function() {
                return StepCommitReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for StepCommitReply
             * @function getTypeUrl
             * @memberof inferos.v1.StepCommitReply
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StepCommitReply.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.StepCommitReply";
            };

            return StepCommitReply;
        })();

        v1.SeqFreeRequest = (function() {

            /**
             * Properties of a SeqFreeRequest.
             * @typedef {Object} inferos.v1.SeqFreeRequest.$Properties
             * @property {number|null} [schemaVersion] SeqFreeRequest schemaVersion
             * @property {string|null} [seqId] SeqFreeRequest seqId
             * @property {string|null} [reason] SeqFreeRequest reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SeqFreeRequest.
             * @memberof inferos.v1
             * @interface ISeqFreeRequest
             * @augments inferos.v1.SeqFreeRequest.$Properties
             * @deprecated Use inferos.v1.SeqFreeRequest.$Properties instead.
             */

            /**
             * Shape of a SeqFreeRequest.
             * @typedef {inferos.v1.SeqFreeRequest.$Properties} inferos.v1.SeqFreeRequest.$Shape
             */

            /**
             * Constructs a new SeqFreeRequest.
             * @memberof inferos.v1
             * @classdesc Represents a SeqFreeRequest.
             * @constructor
             * @param {inferos.v1.SeqFreeRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SeqFreeRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SeqFreeRequest schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.SeqFreeRequest
             * @instance
             */
            SeqFreeRequest.prototype.schemaVersion = 0;

            /**
             * SeqFreeRequest seqId.
             * @member {string} seqId
             * @memberof inferos.v1.SeqFreeRequest
             * @instance
             */
            SeqFreeRequest.prototype.seqId = "";

            /**
             * SeqFreeRequest reason.
             * @member {string} reason
             * @memberof inferos.v1.SeqFreeRequest
             * @instance
             */
            SeqFreeRequest.prototype.reason = "";

            /**
             * Creates a new SeqFreeRequest instance using the specified properties.
             * @function create
             * @memberof inferos.v1.SeqFreeRequest
             * @static
             * @param {inferos.v1.SeqFreeRequest.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.SeqFreeRequest} SeqFreeRequest instance
             * @type {{
             *   (properties: inferos.v1.SeqFreeRequest.$Shape): inferos.v1.SeqFreeRequest & inferos.v1.SeqFreeRequest.$Shape;
             *   (properties?: inferos.v1.SeqFreeRequest.$Properties): inferos.v1.SeqFreeRequest;
             * }}
             */
            SeqFreeRequest.create = function(properties) {
                return new SeqFreeRequest(properties);
            };

            /**
             * Encodes the specified SeqFreeRequest message. Does not implicitly {@link inferos.v1.SeqFreeRequest.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.SeqFreeRequest
             * @static
             * @param {inferos.v1.SeqFreeRequest.$Properties} message SeqFreeRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SeqFreeRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId") && message.seqId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.seqId);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SeqFreeRequest message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.SeqFreeRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.SeqFreeRequest & inferos.v1.SeqFreeRequest.$Shape} SeqFreeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SeqFreeRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.SeqFreeRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.seqId = value;
                            else
                                delete message.seqId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a SeqFreeRequest message.
             * @function verify
             * @memberof inferos.v1.SeqFreeRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SeqFreeRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    if (!$util.isString(message.seqId))
                        return "seqId: string expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                return null;
            };

            /**
             * Creates a SeqFreeRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.SeqFreeRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.SeqFreeRequest} SeqFreeRequest
             */
            SeqFreeRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.SeqFreeRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.SeqFreeRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.SeqFreeRequest();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.seqId != null)
                    if (typeof object.seqId !== "string" || object.seqId.length)
                        message.seqId = $String(object.seqId);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                return message;
            };

            /**
             * Creates a plain object from a SeqFreeRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.SeqFreeRequest
             * @static
             * @param {inferos.v1.SeqFreeRequest} message SeqFreeRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SeqFreeRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.seqId = "";
                    object.reason = "";
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    object.seqId = message.seqId;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                return object;
            };

            /**
             * Converts this SeqFreeRequest to JSON.
             * @function toJSON
             * @memberof inferos.v1.SeqFreeRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SeqFreeRequest.prototype.toJSON = function() {
                return SeqFreeRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SeqFreeRequest
             * @function getTypeUrl
             * @memberof inferos.v1.SeqFreeRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SeqFreeRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.SeqFreeRequest";
            };

            return SeqFreeRequest;
        })();

        v1.Ack = (function() {

            /**
             * Properties of an Ack.
             * @typedef {Object} inferos.v1.Ack.$Properties
             * @property {number|null} [schemaVersion] Ack schemaVersion
             * @property {boolean|null} [ok] Ack ok
             * @property {string|null} [message] Ack message
             * @property {string|null} [workerId] Ack workerId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Ack.
             * @memberof inferos.v1
             * @interface IAck
             * @augments inferos.v1.Ack.$Properties
             * @deprecated Use inferos.v1.Ack.$Properties instead.
             */

            /**
             * Shape of an Ack.
             * @typedef {inferos.v1.Ack.$Properties} inferos.v1.Ack.$Shape
             */

            /**
             * Constructs a new Ack.
             * @memberof inferos.v1
             * @classdesc Represents an Ack.
             * @constructor
             * @param {inferos.v1.Ack.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ack = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ack schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.Ack
             * @instance
             */
            Ack.prototype.schemaVersion = 0;

            /**
             * Ack ok.
             * @member {boolean} ok
             * @memberof inferos.v1.Ack
             * @instance
             */
            Ack.prototype.ok = false;

            /**
             * Ack message.
             * @member {string} message
             * @memberof inferos.v1.Ack
             * @instance
             */
            Ack.prototype.message = "";

            /**
             * Ack workerId.
             * @member {string} workerId
             * @memberof inferos.v1.Ack
             * @instance
             */
            Ack.prototype.workerId = "";

            /**
             * Creates a new Ack instance using the specified properties.
             * @function create
             * @memberof inferos.v1.Ack
             * @static
             * @param {inferos.v1.Ack.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.Ack} Ack instance
             * @type {{
             *   (properties: inferos.v1.Ack.$Shape): inferos.v1.Ack & inferos.v1.Ack.$Shape;
             *   (properties?: inferos.v1.Ack.$Properties): inferos.v1.Ack;
             * }}
             */
            Ack.create = function(properties) {
                return new Ack(properties);
            };

            /**
             * Encodes the specified Ack message. Does not implicitly {@link inferos.v1.Ack.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.Ack
             * @static
             * @param {inferos.v1.Ack.$Properties} message Ack message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ack.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok") && message.ok !== false)
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.ok);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.message);
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId") && message.workerId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.workerId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.Ack
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.Ack & inferos.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ack.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.Ack();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.ok = value;
                            else
                                delete message.ok;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workerId = value;
                            else
                                delete message.workerId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies an Ack message.
             * @function verify
             * @memberof inferos.v1.Ack
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Ack.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                    if (typeof message.ok !== "boolean")
                        return "ok: boolean expected";
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    if (!$util.isString(message.message))
                        return "message: string expected";
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                    if (!$util.isString(message.workerId))
                        return "workerId: string expected";
                return null;
            };

            /**
             * Creates an Ack message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.Ack
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.Ack} Ack
             */
            Ack.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.Ack)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.Ack: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.Ack();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.ok != null)
                    if (object.ok)
                        message.ok = $Boolean(object.ok);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.workerId != null)
                    if (typeof object.workerId !== "string" || object.workerId.length)
                        message.workerId = $String(object.workerId);
                return message;
            };

            /**
             * Creates a plain object from an Ack message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.Ack
             * @static
             * @param {inferos.v1.Ack} message Ack
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ack.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.ok = false;
                    object.message = "";
                    object.workerId = "";
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                    object.ok = message.ok;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                    object.workerId = message.workerId;
                return object;
            };

            /**
             * Converts this Ack to JSON.
             * @function toJSON
             * @memberof inferos.v1.Ack
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ack.prototype.toJSON = function() {
                return Ack.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Ack
             * @function getTypeUrl
             * @memberof inferos.v1.Ack
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Ack.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.Ack";
            };

            return Ack;
        })();

        v1.Sampling = (function() {

            /**
             * Properties of a Sampling.
             * @typedef {Object} inferos.v1.Sampling.$Properties
             * @property {number|null} [temperature] Sampling temperature
             * @property {number|null} [topP] Sampling topP
             * @property {number|null} [seed] Sampling seed
             * @property {number|null} [draws] Sampling draws
             * @property {boolean|null} [logprobs] Sampling logprobs
             * @property {number|null} [topLogprobs] Sampling topLogprobs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Sampling.
             * @memberof inferos.v1
             * @interface ISampling
             * @augments inferos.v1.Sampling.$Properties
             * @deprecated Use inferos.v1.Sampling.$Properties instead.
             */

            /**
             * Shape of a Sampling.
             * @typedef {inferos.v1.Sampling.$Properties} inferos.v1.Sampling.$Shape
             */

            /**
             * Constructs a new Sampling.
             * @memberof inferos.v1
             * @classdesc Represents a Sampling.
             * @constructor
             * @param {inferos.v1.Sampling.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Sampling = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Sampling temperature.
             * @member {number} temperature
             * @memberof inferos.v1.Sampling
             * @instance
             */
            Sampling.prototype.temperature = 0;

            /**
             * Sampling topP.
             * @member {number} topP
             * @memberof inferos.v1.Sampling
             * @instance
             */
            Sampling.prototype.topP = 0;

            /**
             * Sampling seed.
             * @member {number} seed
             * @memberof inferos.v1.Sampling
             * @instance
             */
            Sampling.prototype.seed = 0;

            /**
             * Sampling draws.
             * @member {number} draws
             * @memberof inferos.v1.Sampling
             * @instance
             */
            Sampling.prototype.draws = 0;

            /**
             * Sampling logprobs.
             * @member {boolean} logprobs
             * @memberof inferos.v1.Sampling
             * @instance
             */
            Sampling.prototype.logprobs = false;

            /**
             * Sampling topLogprobs.
             * @member {number} topLogprobs
             * @memberof inferos.v1.Sampling
             * @instance
             */
            Sampling.prototype.topLogprobs = 0;

            /**
             * Creates a new Sampling instance using the specified properties.
             * @function create
             * @memberof inferos.v1.Sampling
             * @static
             * @param {inferos.v1.Sampling.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.Sampling} Sampling instance
             * @type {{
             *   (properties: inferos.v1.Sampling.$Shape): inferos.v1.Sampling & inferos.v1.Sampling.$Shape;
             *   (properties?: inferos.v1.Sampling.$Properties): inferos.v1.Sampling;
             * }}
             */
            Sampling.create = function(properties) {
                return new Sampling(properties);
            };

            /**
             * Encodes the specified Sampling message. Does not implicitly {@link inferos.v1.Sampling.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.Sampling
             * @static
             * @param {inferos.v1.Sampling.$Properties} message Sampling message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Sampling.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.temperature != null && $Object.hasOwnProperty.call(message, "temperature") && !$Object.is(message.temperature, 0))
                    writer.uint32(/* id 1, wireType 5 =*/13).float(message.temperature);
                if (message.topP != null && $Object.hasOwnProperty.call(message, "topP") && !$Object.is(message.topP, 0))
                    writer.uint32(/* id 2, wireType 5 =*/21).float(message.topP);
                if (message.seed != null && $Object.hasOwnProperty.call(message, "seed") && message.seed !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.seed);
                if (message.draws != null && $Object.hasOwnProperty.call(message, "draws") && message.draws !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.draws);
                if (message.logprobs != null && $Object.hasOwnProperty.call(message, "logprobs") && message.logprobs !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.logprobs);
                if (message.topLogprobs != null && $Object.hasOwnProperty.call(message, "topLogprobs") && message.topLogprobs !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.topLogprobs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Sampling message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.Sampling
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.Sampling & inferos.v1.Sampling.$Shape} Sampling
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Sampling.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.Sampling();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.temperature = value;
                            else
                                delete message.temperature;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.topP = value;
                            else
                                delete message.topP;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.seed = value;
                            else
                                delete message.seed;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.draws = value;
                            else
                                delete message.draws;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.logprobs = value;
                            else
                                delete message.logprobs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.topLogprobs = value;
                            else
                                delete message.topLogprobs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Sampling message.
             * @function verify
             * @memberof inferos.v1.Sampling
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Sampling.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.temperature != null && $Object.hasOwnProperty.call(message, "temperature"))
                    if (typeof message.temperature !== "number")
                        return "temperature: number expected";
                if (message.topP != null && $Object.hasOwnProperty.call(message, "topP"))
                    if (typeof message.topP !== "number")
                        return "topP: number expected";
                if (message.seed != null && $Object.hasOwnProperty.call(message, "seed"))
                    if (!$util.isInteger(message.seed))
                        return "seed: integer expected";
                if (message.draws != null && $Object.hasOwnProperty.call(message, "draws"))
                    if (!$util.isInteger(message.draws))
                        return "draws: integer expected";
                if (message.logprobs != null && $Object.hasOwnProperty.call(message, "logprobs"))
                    if (typeof message.logprobs !== "boolean")
                        return "logprobs: boolean expected";
                if (message.topLogprobs != null && $Object.hasOwnProperty.call(message, "topLogprobs"))
                    if (!$util.isInteger(message.topLogprobs))
                        return "topLogprobs: integer expected";
                return null;
            };

            /**
             * Creates a Sampling message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.Sampling
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.Sampling} Sampling
             */
            Sampling.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.Sampling)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.Sampling: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.Sampling();
                if (object.temperature != null)
                    if (!$Object.is($Number(object.temperature), 0))
                        message.temperature = $Number(object.temperature);
                if (object.topP != null)
                    if (!$Object.is($Number(object.topP), 0))
                        message.topP = $Number(object.topP);
                if (object.seed != null)
                    if ($Number(object.seed) !== 0)
                        message.seed = object.seed >>> 0;
                if (object.draws != null)
                    if ($Number(object.draws) !== 0)
                        message.draws = object.draws >>> 0;
                if (object.logprobs != null)
                    if (object.logprobs)
                        message.logprobs = $Boolean(object.logprobs);
                if (object.topLogprobs != null)
                    if ($Number(object.topLogprobs) !== 0)
                        message.topLogprobs = object.topLogprobs >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Sampling message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.Sampling
             * @static
             * @param {inferos.v1.Sampling} message Sampling
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Sampling.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.temperature = 0;
                    object.topP = 0;
                    object.seed = 0;
                    object.draws = 0;
                    object.logprobs = false;
                    object.topLogprobs = 0;
                }
                if (message.temperature != null && $Object.hasOwnProperty.call(message, "temperature"))
                    object.temperature = options.json && !$isFinite(message.temperature) ? $String(message.temperature) : message.temperature;
                if (message.topP != null && $Object.hasOwnProperty.call(message, "topP"))
                    object.topP = options.json && !$isFinite(message.topP) ? $String(message.topP) : message.topP;
                if (message.seed != null && $Object.hasOwnProperty.call(message, "seed"))
                    object.seed = message.seed;
                if (message.draws != null && $Object.hasOwnProperty.call(message, "draws"))
                    object.draws = message.draws;
                if (message.logprobs != null && $Object.hasOwnProperty.call(message, "logprobs"))
                    object.logprobs = message.logprobs;
                if (message.topLogprobs != null && $Object.hasOwnProperty.call(message, "topLogprobs"))
                    object.topLogprobs = message.topLogprobs;
                return object;
            };

            /**
             * Converts this Sampling to JSON.
             * @function toJSON
             * @memberof inferos.v1.Sampling
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Sampling.prototype.toJSON = function() {
                return Sampling.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Sampling
             * @function getTypeUrl
             * @memberof inferos.v1.Sampling
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Sampling.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.Sampling";
            };

            return Sampling;
        })();

        v1.TokenLogprob = (function() {

            /**
             * Properties of a TokenLogprob.
             * @typedef {Object} inferos.v1.TokenLogprob.$Properties
             * @property {number|null} [logprob] TokenLogprob logprob
             * @property {Array.<number>|null} [topIds] TokenLogprob topIds
             * @property {Array.<number>|null} [topLogprobs] TokenLogprob topLogprobs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TokenLogprob.
             * @memberof inferos.v1
             * @interface ITokenLogprob
             * @augments inferos.v1.TokenLogprob.$Properties
             * @deprecated Use inferos.v1.TokenLogprob.$Properties instead.
             */

            /**
             * Shape of a TokenLogprob.
             * @typedef {inferos.v1.TokenLogprob.$Properties} inferos.v1.TokenLogprob.$Shape
             */

            /**
             * Constructs a new TokenLogprob.
             * @memberof inferos.v1
             * @classdesc Represents a TokenLogprob.
             * @constructor
             * @param {inferos.v1.TokenLogprob.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TokenLogprob = function (properties) {
                this.topIds = [];
                this.topLogprobs = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TokenLogprob logprob.
             * @member {number} logprob
             * @memberof inferos.v1.TokenLogprob
             * @instance
             */
            TokenLogprob.prototype.logprob = 0;

            /**
             * TokenLogprob topIds.
             * @member {Array.<number>} topIds
             * @memberof inferos.v1.TokenLogprob
             * @instance
             */
            TokenLogprob.prototype.topIds = $util.emptyArray;

            /**
             * TokenLogprob topLogprobs.
             * @member {Array.<number>} topLogprobs
             * @memberof inferos.v1.TokenLogprob
             * @instance
             */
            TokenLogprob.prototype.topLogprobs = $util.emptyArray;

            /**
             * Creates a new TokenLogprob instance using the specified properties.
             * @function create
             * @memberof inferos.v1.TokenLogprob
             * @static
             * @param {inferos.v1.TokenLogprob.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.TokenLogprob} TokenLogprob instance
             * @type {{
             *   (properties: inferos.v1.TokenLogprob.$Shape): inferos.v1.TokenLogprob & inferos.v1.TokenLogprob.$Shape;
             *   (properties?: inferos.v1.TokenLogprob.$Properties): inferos.v1.TokenLogprob;
             * }}
             */
            TokenLogprob.create = function(properties) {
                return new TokenLogprob(properties);
            };

            /**
             * Encodes the specified TokenLogprob message. Does not implicitly {@link inferos.v1.TokenLogprob.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.TokenLogprob
             * @static
             * @param {inferos.v1.TokenLogprob.$Properties} message TokenLogprob message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TokenLogprob.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.logprob != null && $Object.hasOwnProperty.call(message, "logprob") && !$Object.is(message.logprob, 0))
                    writer.uint32(/* id 1, wireType 5 =*/13).float(message.logprob);
                if (message.topIds != null && message.topIds.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).uint32s(message.topIds);
                if (message.topLogprobs != null && message.topLogprobs.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).floats(message.topLogprobs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TokenLogprob message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.TokenLogprob
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.TokenLogprob & inferos.v1.TokenLogprob.$Shape} TokenLogprob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TokenLogprob.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.TokenLogprob();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.logprob = value;
                            else
                                delete message.logprob;
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.topIds && message.topIds.length))
                                    message.topIds = [];
                                reader.uint32s(message.topIds);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.topIds && message.topIds.length))
                                message.topIds = [];
                            message.topIds.push(reader.uint32());
                            continue;
                        }
                    case 3: {
                            if (wireType === 2) {
                                if (!(message.topLogprobs && message.topLogprobs.length))
                                    message.topLogprobs = [];
                                reader.floats(message.topLogprobs);
                                continue;
                            }
                            if (wireType !== 5)
                                break;
                            if (!(message.topLogprobs && message.topLogprobs.length))
                                message.topLogprobs = [];
                            message.topLogprobs.push(reader.float());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a TokenLogprob message.
             * @function verify
             * @memberof inferos.v1.TokenLogprob
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TokenLogprob.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.logprob != null && $Object.hasOwnProperty.call(message, "logprob"))
                    if (typeof message.logprob !== "number")
                        return "logprob: number expected";
                if (message.topIds != null && $Object.hasOwnProperty.call(message, "topIds")) {
                    if (!$Array.isArray(message.topIds))
                        return "topIds: array expected";
                    for (let i = 0; i < message.topIds.length; ++i)
                        if (!$util.isInteger(message.topIds[i]))
                            return "topIds: integer[] expected";
                }
                if (message.topLogprobs != null && $Object.hasOwnProperty.call(message, "topLogprobs")) {
                    if (!$Array.isArray(message.topLogprobs))
                        return "topLogprobs: array expected";
                    for (let i = 0; i < message.topLogprobs.length; ++i)
                        if (typeof message.topLogprobs[i] !== "number")
                            return "topLogprobs: number[] expected";
                }
                return null;
            };

            /**
             * Creates a TokenLogprob message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.TokenLogprob
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.TokenLogprob} TokenLogprob
             */
            TokenLogprob.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.TokenLogprob)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.TokenLogprob: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.TokenLogprob();
                if (object.logprob != null)
                    if (!$Object.is($Number(object.logprob), 0))
                        message.logprob = $Number(object.logprob);
                if (object.topIds) {
                    if (!$Array.isArray(object.topIds))
                        throw $TypeError(".inferos.v1.TokenLogprob.topIds: array expected");
                    message.topIds = $Array(object.topIds.length);
                    for (let i = 0; i < object.topIds.length; ++i)
                        message.topIds[i] = object.topIds[i] >>> 0;
                }
                if (object.topLogprobs) {
                    if (!$Array.isArray(object.topLogprobs))
                        throw $TypeError(".inferos.v1.TokenLogprob.topLogprobs: array expected");
                    message.topLogprobs = $Array(object.topLogprobs.length);
                    for (let i = 0; i < object.topLogprobs.length; ++i)
                        message.topLogprobs[i] = $Number(object.topLogprobs[i]);
                }
                return message;
            };

            /**
             * Creates a plain object from a TokenLogprob message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.TokenLogprob
             * @static
             * @param {inferos.v1.TokenLogprob} message TokenLogprob
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TokenLogprob.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.topIds = [];
                    object.topLogprobs = [];
                }
                if (options.defaults)
                    object.logprob = 0;
                if (message.logprob != null && $Object.hasOwnProperty.call(message, "logprob"))
                    object.logprob = options.json && !$isFinite(message.logprob) ? $String(message.logprob) : message.logprob;
                if (message.topIds && message.topIds.length) {
                    object.topIds = $Array(message.topIds.length);
                    for (let j = 0; j < message.topIds.length; ++j)
                        object.topIds[j] = message.topIds[j];
                }
                if (message.topLogprobs && message.topLogprobs.length) {
                    object.topLogprobs = $Array(message.topLogprobs.length);
                    for (let j = 0; j < message.topLogprobs.length; ++j)
                        object.topLogprobs[j] = options.json && !$isFinite(message.topLogprobs[j]) ? $String(message.topLogprobs[j]) : message.topLogprobs[j];
                }
                return object;
            };

            /**
             * Converts this TokenLogprob to JSON.
             * @function toJSON
             * @memberof inferos.v1.TokenLogprob
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TokenLogprob.prototype.toJSON = function() {
                return TokenLogprob.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TokenLogprob
             * @function getTypeUrl
             * @memberof inferos.v1.TokenLogprob
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TokenLogprob.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.TokenLogprob";
            };

            return TokenLogprob;
        })();

        v1.PrefillJob = (function() {

            /**
             * Properties of a PrefillJob.
             * @typedef {Object} inferos.v1.PrefillJob.$Properties
             * @property {number|null} [schemaVersion] PrefillJob schemaVersion
             * @property {string|null} [requestId] PrefillJob requestId
             * @property {string|null} [seqId] PrefillJob seqId
             * @property {Array.<number>|null} [promptIds] PrefillJob promptIds
             * @property {number|null} [maxTokens] PrefillJob maxTokens
             * @property {inferos.v1.Sampling.$Properties|null} [sampling] PrefillJob sampling
             * @property {boolean|null} [stopAtEos] PrefillJob stopAtEos
             * @property {string|null} [streamSubject] PrefillJob streamSubject
             * @property {number|null} [chunk] PrefillJob chunk
             * @property {boolean|null} [echo] PrefillJob echo
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PrefillJob.
             * @memberof inferos.v1
             * @interface IPrefillJob
             * @augments inferos.v1.PrefillJob.$Properties
             * @deprecated Use inferos.v1.PrefillJob.$Properties instead.
             */

            /**
             * Shape of a PrefillJob.
             * @typedef {inferos.v1.PrefillJob.$Properties} inferos.v1.PrefillJob.$Shape
             */

            /**
             * Constructs a new PrefillJob.
             * @memberof inferos.v1
             * @classdesc Represents a PrefillJob.
             * @constructor
             * @param {inferos.v1.PrefillJob.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PrefillJob = function (properties) {
                this.promptIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PrefillJob schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.PrefillJob
             * @instance
             */
            PrefillJob.prototype.schemaVersion = 0;

            /**
             * PrefillJob requestId.
             * @member {string} requestId
             * @memberof inferos.v1.PrefillJob
             * @instance
             */
            PrefillJob.prototype.requestId = "";

            /**
             * PrefillJob seqId.
             * @member {string} seqId
             * @memberof inferos.v1.PrefillJob
             * @instance
             */
            PrefillJob.prototype.seqId = "";

            /**
             * PrefillJob promptIds.
             * @member {Array.<number>} promptIds
             * @memberof inferos.v1.PrefillJob
             * @instance
             */
            PrefillJob.prototype.promptIds = $util.emptyArray;

            /**
             * PrefillJob maxTokens.
             * @member {number} maxTokens
             * @memberof inferos.v1.PrefillJob
             * @instance
             */
            PrefillJob.prototype.maxTokens = 0;

            /**
             * PrefillJob sampling.
             * @member {inferos.v1.Sampling.$Properties|null|undefined} sampling
             * @memberof inferos.v1.PrefillJob
             * @instance
             */
            PrefillJob.prototype.sampling = null;

            /**
             * PrefillJob stopAtEos.
             * @member {boolean} stopAtEos
             * @memberof inferos.v1.PrefillJob
             * @instance
             */
            PrefillJob.prototype.stopAtEos = false;

            /**
             * PrefillJob streamSubject.
             * @member {string} streamSubject
             * @memberof inferos.v1.PrefillJob
             * @instance
             */
            PrefillJob.prototype.streamSubject = "";

            /**
             * PrefillJob chunk.
             * @member {number} chunk
             * @memberof inferos.v1.PrefillJob
             * @instance
             */
            PrefillJob.prototype.chunk = 0;

            /**
             * PrefillJob echo.
             * @member {boolean} echo
             * @memberof inferos.v1.PrefillJob
             * @instance
             */
            PrefillJob.prototype.echo = false;

            /**
             * Creates a new PrefillJob instance using the specified properties.
             * @function create
             * @memberof inferos.v1.PrefillJob
             * @static
             * @param {inferos.v1.PrefillJob.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.PrefillJob} PrefillJob instance
             * @type {{
             *   (properties: inferos.v1.PrefillJob.$Shape): inferos.v1.PrefillJob & inferos.v1.PrefillJob.$Shape;
             *   (properties?: inferos.v1.PrefillJob.$Properties): inferos.v1.PrefillJob;
             * }}
             */
            PrefillJob.create = function(properties) {
                return new PrefillJob(properties);
            };

            /**
             * Encodes the specified PrefillJob message. Does not implicitly {@link inferos.v1.PrefillJob.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.PrefillJob
             * @static
             * @param {inferos.v1.PrefillJob.$Properties} message PrefillJob message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PrefillJob.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.requestId);
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId") && message.seqId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.seqId);
                if (message.promptIds != null && message.promptIds.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).uint32s(message.promptIds);
                if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens") && message.maxTokens !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.maxTokens);
                if (message.sampling != null && $Object.hasOwnProperty.call(message, "sampling"))
                    $root.inferos.v1.Sampling.encode(message.sampling, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.stopAtEos != null && $Object.hasOwnProperty.call(message, "stopAtEos") && message.stopAtEos !== false)
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.stopAtEos);
                if (message.streamSubject != null && $Object.hasOwnProperty.call(message, "streamSubject") && message.streamSubject !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.streamSubject);
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk") && message.chunk !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.chunk);
                if (message.echo != null && $Object.hasOwnProperty.call(message, "echo") && message.echo !== false)
                    writer.uint32(/* id 10, wireType 0 =*/80).bool(message.echo);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PrefillJob message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.PrefillJob
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.PrefillJob & inferos.v1.PrefillJob.$Shape} PrefillJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PrefillJob.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.PrefillJob();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.seqId = value;
                            else
                                delete message.seqId;
                            continue;
                        }
                    case 4: {
                            if (wireType === 2) {
                                if (!(message.promptIds && message.promptIds.length))
                                    message.promptIds = [];
                                reader.uint32s(message.promptIds);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.promptIds && message.promptIds.length))
                                message.promptIds = [];
                            message.promptIds.push(reader.uint32());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxTokens = value;
                            else
                                delete message.maxTokens;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.sampling = $root.inferos.v1.Sampling.decode(reader, reader.size(), $undefined, _depth + 1, message.sampling);
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.stopAtEos = value;
                            else
                                delete message.stopAtEos;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.streamSubject = value;
                            else
                                delete message.streamSubject;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.chunk = value;
                            else
                                delete message.chunk;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.echo = value;
                            else
                                delete message.echo;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a PrefillJob message.
             * @function verify
             * @memberof inferos.v1.PrefillJob
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PrefillJob.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (!$util.isString(message.requestId))
                        return "requestId: string expected";
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    if (!$util.isString(message.seqId))
                        return "seqId: string expected";
                if (message.promptIds != null && $Object.hasOwnProperty.call(message, "promptIds")) {
                    if (!$Array.isArray(message.promptIds))
                        return "promptIds: array expected";
                    for (let i = 0; i < message.promptIds.length; ++i)
                        if (!$util.isInteger(message.promptIds[i]))
                            return "promptIds: integer[] expected";
                }
                if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens"))
                    if (!$util.isInteger(message.maxTokens))
                        return "maxTokens: integer expected";
                if (message.sampling != null && $Object.hasOwnProperty.call(message, "sampling")) {
                    let error = $root.inferos.v1.Sampling.verify(message.sampling, _depth + 1);
                    if (error)
                        return "sampling." + error;
                }
                if (message.stopAtEos != null && $Object.hasOwnProperty.call(message, "stopAtEos"))
                    if (typeof message.stopAtEos !== "boolean")
                        return "stopAtEos: boolean expected";
                if (message.streamSubject != null && $Object.hasOwnProperty.call(message, "streamSubject"))
                    if (!$util.isString(message.streamSubject))
                        return "streamSubject: string expected";
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk"))
                    if (!$util.isInteger(message.chunk))
                        return "chunk: integer expected";
                if (message.echo != null && $Object.hasOwnProperty.call(message, "echo"))
                    if (typeof message.echo !== "boolean")
                        return "echo: boolean expected";
                return null;
            };

            /**
             * Creates a PrefillJob message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.PrefillJob
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.PrefillJob} PrefillJob
             */
            PrefillJob.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.PrefillJob)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.PrefillJob: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.PrefillJob();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.requestId != null)
                    if (typeof object.requestId !== "string" || object.requestId.length)
                        message.requestId = $String(object.requestId);
                if (object.seqId != null)
                    if (typeof object.seqId !== "string" || object.seqId.length)
                        message.seqId = $String(object.seqId);
                if (object.promptIds) {
                    if (!$Array.isArray(object.promptIds))
                        throw $TypeError(".inferos.v1.PrefillJob.promptIds: array expected");
                    message.promptIds = $Array(object.promptIds.length);
                    for (let i = 0; i < object.promptIds.length; ++i)
                        message.promptIds[i] = object.promptIds[i] >>> 0;
                }
                if (object.maxTokens != null)
                    if ($Number(object.maxTokens) !== 0)
                        message.maxTokens = object.maxTokens >>> 0;
                if (object.sampling != null) {
                    if (!$util.isObject(object.sampling))
                        throw $TypeError(".inferos.v1.PrefillJob.sampling: object expected");
                    message.sampling = $root.inferos.v1.Sampling.fromObject(object.sampling, _depth + 1);
                }
                if (object.stopAtEos != null)
                    if (object.stopAtEos)
                        message.stopAtEos = $Boolean(object.stopAtEos);
                if (object.streamSubject != null)
                    if (typeof object.streamSubject !== "string" || object.streamSubject.length)
                        message.streamSubject = $String(object.streamSubject);
                if (object.chunk != null)
                    if ($Number(object.chunk) !== 0)
                        message.chunk = object.chunk >>> 0;
                if (object.echo != null)
                    if (object.echo)
                        message.echo = $Boolean(object.echo);
                return message;
            };

            /**
             * Creates a plain object from a PrefillJob message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.PrefillJob
             * @static
             * @param {inferos.v1.PrefillJob} message PrefillJob
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PrefillJob.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.promptIds = [];
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.requestId = "";
                    object.seqId = "";
                    object.maxTokens = 0;
                    object.sampling = null;
                    object.stopAtEos = false;
                    object.streamSubject = "";
                    object.chunk = 0;
                    object.echo = false;
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    object.requestId = message.requestId;
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    object.seqId = message.seqId;
                if (message.promptIds && message.promptIds.length) {
                    object.promptIds = $Array(message.promptIds.length);
                    for (let j = 0; j < message.promptIds.length; ++j)
                        object.promptIds[j] = message.promptIds[j];
                }
                if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens"))
                    object.maxTokens = message.maxTokens;
                if (message.sampling != null && $Object.hasOwnProperty.call(message, "sampling"))
                    object.sampling = $root.inferos.v1.Sampling.toObject(message.sampling, options, _depth + 1);
                if (message.stopAtEos != null && $Object.hasOwnProperty.call(message, "stopAtEos"))
                    object.stopAtEos = message.stopAtEos;
                if (message.streamSubject != null && $Object.hasOwnProperty.call(message, "streamSubject"))
                    object.streamSubject = message.streamSubject;
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk"))
                    object.chunk = message.chunk;
                if (message.echo != null && $Object.hasOwnProperty.call(message, "echo"))
                    object.echo = message.echo;
                return object;
            };

            /**
             * Converts this PrefillJob to JSON.
             * @function toJSON
             * @memberof inferos.v1.PrefillJob
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PrefillJob.prototype.toJSON = function() {
                return PrefillJob.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PrefillJob
             * @function getTypeUrl
             * @memberof inferos.v1.PrefillJob
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PrefillJob.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.PrefillJob";
            };

            return PrefillJob;
        })();

        v1.DecodeJob = (function() {

            /**
             * Properties of a DecodeJob.
             * @typedef {Object} inferos.v1.DecodeJob.$Properties
             * @property {number|null} [schemaVersion] DecodeJob schemaVersion
             * @property {string|null} [requestId] DecodeJob requestId
             * @property {string|null} [seqId] DecodeJob seqId
             * @property {number|null} [nextToken] DecodeJob nextToken
             * @property {number|null} [generated] DecodeJob generated
             * @property {number|null} [maxTokens] DecodeJob maxTokens
             * @property {inferos.v1.Sampling.$Properties|null} [sampling] DecodeJob sampling
             * @property {boolean|null} [stopAtEos] DecodeJob stopAtEos
             * @property {string|null} [streamSubject] DecodeJob streamSubject
             * @property {number|null} [promptTokens] DecodeJob promptTokens
             * @property {boolean|null} [resumed] DecodeJob resumed
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DecodeJob.
             * @memberof inferos.v1
             * @interface IDecodeJob
             * @augments inferos.v1.DecodeJob.$Properties
             * @deprecated Use inferos.v1.DecodeJob.$Properties instead.
             */

            /**
             * Shape of a DecodeJob.
             * @typedef {inferos.v1.DecodeJob.$Properties} inferos.v1.DecodeJob.$Shape
             */

            /**
             * Constructs a new DecodeJob.
             * @memberof inferos.v1
             * @classdesc Represents a DecodeJob.
             * @constructor
             * @param {inferos.v1.DecodeJob.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DecodeJob = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DecodeJob schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.DecodeJob
             * @instance
             */
            DecodeJob.prototype.schemaVersion = 0;

            /**
             * DecodeJob requestId.
             * @member {string} requestId
             * @memberof inferos.v1.DecodeJob
             * @instance
             */
            DecodeJob.prototype.requestId = "";

            /**
             * DecodeJob seqId.
             * @member {string} seqId
             * @memberof inferos.v1.DecodeJob
             * @instance
             */
            DecodeJob.prototype.seqId = "";

            /**
             * DecodeJob nextToken.
             * @member {number} nextToken
             * @memberof inferos.v1.DecodeJob
             * @instance
             */
            DecodeJob.prototype.nextToken = 0;

            /**
             * DecodeJob generated.
             * @member {number} generated
             * @memberof inferos.v1.DecodeJob
             * @instance
             */
            DecodeJob.prototype.generated = 0;

            /**
             * DecodeJob maxTokens.
             * @member {number} maxTokens
             * @memberof inferos.v1.DecodeJob
             * @instance
             */
            DecodeJob.prototype.maxTokens = 0;

            /**
             * DecodeJob sampling.
             * @member {inferos.v1.Sampling.$Properties|null|undefined} sampling
             * @memberof inferos.v1.DecodeJob
             * @instance
             */
            DecodeJob.prototype.sampling = null;

            /**
             * DecodeJob stopAtEos.
             * @member {boolean} stopAtEos
             * @memberof inferos.v1.DecodeJob
             * @instance
             */
            DecodeJob.prototype.stopAtEos = false;

            /**
             * DecodeJob streamSubject.
             * @member {string} streamSubject
             * @memberof inferos.v1.DecodeJob
             * @instance
             */
            DecodeJob.prototype.streamSubject = "";

            /**
             * DecodeJob promptTokens.
             * @member {number} promptTokens
             * @memberof inferos.v1.DecodeJob
             * @instance
             */
            DecodeJob.prototype.promptTokens = 0;

            /**
             * DecodeJob resumed.
             * @member {boolean} resumed
             * @memberof inferos.v1.DecodeJob
             * @instance
             */
            DecodeJob.prototype.resumed = false;

            /**
             * Creates a new DecodeJob instance using the specified properties.
             * @function create
             * @memberof inferos.v1.DecodeJob
             * @static
             * @param {inferos.v1.DecodeJob.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.DecodeJob} DecodeJob instance
             * @type {{
             *   (properties: inferos.v1.DecodeJob.$Shape): inferos.v1.DecodeJob & inferos.v1.DecodeJob.$Shape;
             *   (properties?: inferos.v1.DecodeJob.$Properties): inferos.v1.DecodeJob;
             * }}
             */
            DecodeJob.create = function(properties) {
                return new DecodeJob(properties);
            };

            /**
             * Encodes the specified DecodeJob message. Does not implicitly {@link inferos.v1.DecodeJob.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.DecodeJob
             * @static
             * @param {inferos.v1.DecodeJob.$Properties} message DecodeJob message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DecodeJob.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.requestId);
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId") && message.seqId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.seqId);
                if (message.nextToken != null && $Object.hasOwnProperty.call(message, "nextToken") && message.nextToken !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.nextToken);
                if (message.generated != null && $Object.hasOwnProperty.call(message, "generated") && message.generated !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.generated);
                if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens") && message.maxTokens !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.maxTokens);
                if (message.sampling != null && $Object.hasOwnProperty.call(message, "sampling"))
                    $root.inferos.v1.Sampling.encode(message.sampling, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.stopAtEos != null && $Object.hasOwnProperty.call(message, "stopAtEos") && message.stopAtEos !== false)
                    writer.uint32(/* id 8, wireType 0 =*/64).bool(message.stopAtEos);
                if (message.streamSubject != null && $Object.hasOwnProperty.call(message, "streamSubject") && message.streamSubject !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.streamSubject);
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens") && message.promptTokens !== 0)
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.promptTokens);
                if (message.resumed != null && $Object.hasOwnProperty.call(message, "resumed") && message.resumed !== false)
                    writer.uint32(/* id 12, wireType 0 =*/96).bool(message.resumed);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DecodeJob message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.DecodeJob
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.DecodeJob & inferos.v1.DecodeJob.$Shape} DecodeJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DecodeJob.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.DecodeJob();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.seqId = value;
                            else
                                delete message.seqId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.nextToken = value;
                            else
                                delete message.nextToken;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.generated = value;
                            else
                                delete message.generated;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxTokens = value;
                            else
                                delete message.maxTokens;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.sampling = $root.inferos.v1.Sampling.decode(reader, reader.size(), $undefined, _depth + 1, message.sampling);
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.stopAtEos = value;
                            else
                                delete message.stopAtEos;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.streamSubject = value;
                            else
                                delete message.streamSubject;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.promptTokens = value;
                            else
                                delete message.promptTokens;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.resumed = value;
                            else
                                delete message.resumed;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a DecodeJob message.
             * @function verify
             * @memberof inferos.v1.DecodeJob
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DecodeJob.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (!$util.isString(message.requestId))
                        return "requestId: string expected";
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    if (!$util.isString(message.seqId))
                        return "seqId: string expected";
                if (message.nextToken != null && $Object.hasOwnProperty.call(message, "nextToken"))
                    if (!$util.isInteger(message.nextToken))
                        return "nextToken: integer expected";
                if (message.generated != null && $Object.hasOwnProperty.call(message, "generated"))
                    if (!$util.isInteger(message.generated))
                        return "generated: integer expected";
                if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens"))
                    if (!$util.isInteger(message.maxTokens))
                        return "maxTokens: integer expected";
                if (message.sampling != null && $Object.hasOwnProperty.call(message, "sampling")) {
                    let error = $root.inferos.v1.Sampling.verify(message.sampling, _depth + 1);
                    if (error)
                        return "sampling." + error;
                }
                if (message.stopAtEos != null && $Object.hasOwnProperty.call(message, "stopAtEos"))
                    if (typeof message.stopAtEos !== "boolean")
                        return "stopAtEos: boolean expected";
                if (message.streamSubject != null && $Object.hasOwnProperty.call(message, "streamSubject"))
                    if (!$util.isString(message.streamSubject))
                        return "streamSubject: string expected";
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens"))
                    if (!$util.isInteger(message.promptTokens))
                        return "promptTokens: integer expected";
                if (message.resumed != null && $Object.hasOwnProperty.call(message, "resumed"))
                    if (typeof message.resumed !== "boolean")
                        return "resumed: boolean expected";
                return null;
            };

            /**
             * Creates a DecodeJob message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.DecodeJob
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.DecodeJob} DecodeJob
             */
            DecodeJob.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.DecodeJob)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.DecodeJob: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.DecodeJob();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.requestId != null)
                    if (typeof object.requestId !== "string" || object.requestId.length)
                        message.requestId = $String(object.requestId);
                if (object.seqId != null)
                    if (typeof object.seqId !== "string" || object.seqId.length)
                        message.seqId = $String(object.seqId);
                if (object.nextToken != null)
                    if ($Number(object.nextToken) !== 0)
                        message.nextToken = object.nextToken >>> 0;
                if (object.generated != null)
                    if ($Number(object.generated) !== 0)
                        message.generated = object.generated >>> 0;
                if (object.maxTokens != null)
                    if ($Number(object.maxTokens) !== 0)
                        message.maxTokens = object.maxTokens >>> 0;
                if (object.sampling != null) {
                    if (!$util.isObject(object.sampling))
                        throw $TypeError(".inferos.v1.DecodeJob.sampling: object expected");
                    message.sampling = $root.inferos.v1.Sampling.fromObject(object.sampling, _depth + 1);
                }
                if (object.stopAtEos != null)
                    if (object.stopAtEos)
                        message.stopAtEos = $Boolean(object.stopAtEos);
                if (object.streamSubject != null)
                    if (typeof object.streamSubject !== "string" || object.streamSubject.length)
                        message.streamSubject = $String(object.streamSubject);
                if (object.promptTokens != null)
                    if ($Number(object.promptTokens) !== 0)
                        message.promptTokens = object.promptTokens >>> 0;
                if (object.resumed != null)
                    if (object.resumed)
                        message.resumed = $Boolean(object.resumed);
                return message;
            };

            /**
             * Creates a plain object from a DecodeJob message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.DecodeJob
             * @static
             * @param {inferos.v1.DecodeJob} message DecodeJob
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DecodeJob.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.requestId = "";
                    object.seqId = "";
                    object.nextToken = 0;
                    object.generated = 0;
                    object.maxTokens = 0;
                    object.sampling = null;
                    object.stopAtEos = false;
                    object.streamSubject = "";
                    object.promptTokens = 0;
                    object.resumed = false;
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    object.requestId = message.requestId;
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    object.seqId = message.seqId;
                if (message.nextToken != null && $Object.hasOwnProperty.call(message, "nextToken"))
                    object.nextToken = message.nextToken;
                if (message.generated != null && $Object.hasOwnProperty.call(message, "generated"))
                    object.generated = message.generated;
                if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens"))
                    object.maxTokens = message.maxTokens;
                if (message.sampling != null && $Object.hasOwnProperty.call(message, "sampling"))
                    object.sampling = $root.inferos.v1.Sampling.toObject(message.sampling, options, _depth + 1);
                if (message.stopAtEos != null && $Object.hasOwnProperty.call(message, "stopAtEos"))
                    object.stopAtEos = message.stopAtEos;
                if (message.streamSubject != null && $Object.hasOwnProperty.call(message, "streamSubject"))
                    object.streamSubject = message.streamSubject;
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens"))
                    object.promptTokens = message.promptTokens;
                if (message.resumed != null && $Object.hasOwnProperty.call(message, "resumed"))
                    object.resumed = message.resumed;
                return object;
            };

            /**
             * Converts this DecodeJob to JSON.
             * @function toJSON
             * @memberof inferos.v1.DecodeJob
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DecodeJob.prototype.toJSON = function() {
                return DecodeJob.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DecodeJob
             * @function getTypeUrl
             * @memberof inferos.v1.DecodeJob
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DecodeJob.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.DecodeJob";
            };

            return DecodeJob;
        })();

        v1.TokenChunk = (function() {

            /**
             * Properties of a TokenChunk.
             * @typedef {Object} inferos.v1.TokenChunk.$Properties
             * @property {number|null} [schemaVersion] TokenChunk schemaVersion
             * @property {string|null} [requestId] TokenChunk requestId
             * @property {number|null} [index] TokenChunk index
             * @property {Array.<number>|null} [tokenIds] TokenChunk tokenIds
             * @property {boolean|null} [done] TokenChunk done
             * @property {string|null} [finishReason] TokenChunk finishReason
             * @property {string|null} [errorCode] TokenChunk errorCode
             * @property {string|null} [errorMessage] TokenChunk errorMessage
             * @property {number|null} [promptTokens] TokenChunk promptTokens
             * @property {number|null} [completionTokens] TokenChunk completionTokens
             * @property {string|null} [workerId] TokenChunk workerId
             * @property {Array.<inferos.v1.TokenLogprob.$Properties>|null} [logprobs] TokenChunk logprobs
             * @property {Array.<inferos.v1.TokenLogprob.$Properties>|null} [promptLogprobs] TokenChunk promptLogprobs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TokenChunk.
             * @memberof inferos.v1
             * @interface ITokenChunk
             * @augments inferos.v1.TokenChunk.$Properties
             * @deprecated Use inferos.v1.TokenChunk.$Properties instead.
             */

            /**
             * Shape of a TokenChunk.
             * @typedef {inferos.v1.TokenChunk.$Properties} inferos.v1.TokenChunk.$Shape
             */

            /**
             * Constructs a new TokenChunk.
             * @memberof inferos.v1
             * @classdesc Represents a TokenChunk.
             * @constructor
             * @param {inferos.v1.TokenChunk.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TokenChunk = function (properties) {
                this.tokenIds = [];
                this.logprobs = [];
                this.promptLogprobs = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TokenChunk schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.TokenChunk
             * @instance
             */
            TokenChunk.prototype.schemaVersion = 0;

            /**
             * TokenChunk requestId.
             * @member {string} requestId
             * @memberof inferos.v1.TokenChunk
             * @instance
             */
            TokenChunk.prototype.requestId = "";

            /**
             * TokenChunk index.
             * @member {number} index
             * @memberof inferos.v1.TokenChunk
             * @instance
             */
            TokenChunk.prototype.index = 0;

            /**
             * TokenChunk tokenIds.
             * @member {Array.<number>} tokenIds
             * @memberof inferos.v1.TokenChunk
             * @instance
             */
            TokenChunk.prototype.tokenIds = $util.emptyArray;

            /**
             * TokenChunk done.
             * @member {boolean} done
             * @memberof inferos.v1.TokenChunk
             * @instance
             */
            TokenChunk.prototype.done = false;

            /**
             * TokenChunk finishReason.
             * @member {string} finishReason
             * @memberof inferos.v1.TokenChunk
             * @instance
             */
            TokenChunk.prototype.finishReason = "";

            /**
             * TokenChunk errorCode.
             * @member {string} errorCode
             * @memberof inferos.v1.TokenChunk
             * @instance
             */
            TokenChunk.prototype.errorCode = "";

            /**
             * TokenChunk errorMessage.
             * @member {string} errorMessage
             * @memberof inferos.v1.TokenChunk
             * @instance
             */
            TokenChunk.prototype.errorMessage = "";

            /**
             * TokenChunk promptTokens.
             * @member {number} promptTokens
             * @memberof inferos.v1.TokenChunk
             * @instance
             */
            TokenChunk.prototype.promptTokens = 0;

            /**
             * TokenChunk completionTokens.
             * @member {number} completionTokens
             * @memberof inferos.v1.TokenChunk
             * @instance
             */
            TokenChunk.prototype.completionTokens = 0;

            /**
             * TokenChunk workerId.
             * @member {string} workerId
             * @memberof inferos.v1.TokenChunk
             * @instance
             */
            TokenChunk.prototype.workerId = "";

            /**
             * TokenChunk logprobs.
             * @member {Array.<inferos.v1.TokenLogprob.$Properties>} logprobs
             * @memberof inferos.v1.TokenChunk
             * @instance
             */
            TokenChunk.prototype.logprobs = $util.emptyArray;

            /**
             * TokenChunk promptLogprobs.
             * @member {Array.<inferos.v1.TokenLogprob.$Properties>} promptLogprobs
             * @memberof inferos.v1.TokenChunk
             * @instance
             */
            TokenChunk.prototype.promptLogprobs = $util.emptyArray;

            /**
             * Creates a new TokenChunk instance using the specified properties.
             * @function create
             * @memberof inferos.v1.TokenChunk
             * @static
             * @param {inferos.v1.TokenChunk.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.TokenChunk} TokenChunk instance
             * @type {{
             *   (properties: inferos.v1.TokenChunk.$Shape): inferos.v1.TokenChunk & inferos.v1.TokenChunk.$Shape;
             *   (properties?: inferos.v1.TokenChunk.$Properties): inferos.v1.TokenChunk;
             * }}
             */
            TokenChunk.create = function(properties) {
                return new TokenChunk(properties);
            };

            /**
             * Encodes the specified TokenChunk message. Does not implicitly {@link inferos.v1.TokenChunk.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.TokenChunk
             * @static
             * @param {inferos.v1.TokenChunk.$Properties} message TokenChunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TokenChunk.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.requestId);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.index);
                if (message.tokenIds != null && message.tokenIds.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).uint32s(message.tokenIds);
                if (message.done != null && $Object.hasOwnProperty.call(message, "done") && message.done !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.done);
                if (message.finishReason != null && $Object.hasOwnProperty.call(message, "finishReason") && message.finishReason !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.finishReason);
                if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.errorCode);
                if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.errorMessage);
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens") && message.promptTokens !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.promptTokens);
                if (message.completionTokens != null && $Object.hasOwnProperty.call(message, "completionTokens") && message.completionTokens !== 0)
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.completionTokens);
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId") && message.workerId !== "")
                    writer.uint32(/* id 13, wireType 2 =*/106).string(message.workerId);
                if (message.logprobs != null && message.logprobs.length)
                    for (let i = 0; i < message.logprobs.length; ++i)
                        $root.inferos.v1.TokenLogprob.encode(message.logprobs[i], writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                if (message.promptLogprobs != null && message.promptLogprobs.length)
                    for (let i = 0; i < message.promptLogprobs.length; ++i)
                        $root.inferos.v1.TokenLogprob.encode(message.promptLogprobs[i], writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TokenChunk message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.TokenChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.TokenChunk & inferos.v1.TokenChunk.$Shape} TokenChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TokenChunk.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.TokenChunk();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 4: {
                            if (wireType === 2) {
                                if (!(message.tokenIds && message.tokenIds.length))
                                    message.tokenIds = [];
                                reader.uint32s(message.tokenIds);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.tokenIds && message.tokenIds.length))
                                message.tokenIds = [];
                            message.tokenIds.push(reader.uint32());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.done = value;
                            else
                                delete message.done;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.finishReason = value;
                            else
                                delete message.finishReason;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.errorCode = value;
                            else
                                delete message.errorCode;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.errorMessage = value;
                            else
                                delete message.errorMessage;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.promptTokens = value;
                            else
                                delete message.promptTokens;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.completionTokens = value;
                            else
                                delete message.completionTokens;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workerId = value;
                            else
                                delete message.workerId;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            if (!(message.logprobs && message.logprobs.length))
                                message.logprobs = [];
                            message.logprobs.push($root.inferos.v1.TokenLogprob.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            if (!(message.promptLogprobs && message.promptLogprobs.length))
                                message.promptLogprobs = [];
                            message.promptLogprobs.push($root.inferos.v1.TokenLogprob.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a TokenChunk message.
             * @function verify
             * @memberof inferos.v1.TokenChunk
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TokenChunk.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (!$util.isString(message.requestId))
                        return "requestId: string expected";
                if (message.index != null && $Object.hasOwnProperty.call(message, "index"))
                    if (!$util.isInteger(message.index))
                        return "index: integer expected";
                if (message.tokenIds != null && $Object.hasOwnProperty.call(message, "tokenIds")) {
                    if (!$Array.isArray(message.tokenIds))
                        return "tokenIds: array expected";
                    for (let i = 0; i < message.tokenIds.length; ++i)
                        if (!$util.isInteger(message.tokenIds[i]))
                            return "tokenIds: integer[] expected";
                }
                if (message.done != null && $Object.hasOwnProperty.call(message, "done"))
                    if (typeof message.done !== "boolean")
                        return "done: boolean expected";
                if (message.finishReason != null && $Object.hasOwnProperty.call(message, "finishReason"))
                    if (!$util.isString(message.finishReason))
                        return "finishReason: string expected";
                if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                    if (!$util.isString(message.errorCode))
                        return "errorCode: string expected";
                if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage"))
                    if (!$util.isString(message.errorMessage))
                        return "errorMessage: string expected";
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens"))
                    if (!$util.isInteger(message.promptTokens))
                        return "promptTokens: integer expected";
                if (message.completionTokens != null && $Object.hasOwnProperty.call(message, "completionTokens"))
                    if (!$util.isInteger(message.completionTokens))
                        return "completionTokens: integer expected";
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                    if (!$util.isString(message.workerId))
                        return "workerId: string expected";
                if (message.logprobs != null && $Object.hasOwnProperty.call(message, "logprobs")) {
                    if (!$Array.isArray(message.logprobs))
                        return "logprobs: array expected";
                    for (let i = 0; i < message.logprobs.length; ++i) {
                        let error = $root.inferos.v1.TokenLogprob.verify(message.logprobs[i], _depth + 1);
                        if (error)
                            return "logprobs." + error;
                    }
                }
                if (message.promptLogprobs != null && $Object.hasOwnProperty.call(message, "promptLogprobs")) {
                    if (!$Array.isArray(message.promptLogprobs))
                        return "promptLogprobs: array expected";
                    for (let i = 0; i < message.promptLogprobs.length; ++i) {
                        let error = $root.inferos.v1.TokenLogprob.verify(message.promptLogprobs[i], _depth + 1);
                        if (error)
                            return "promptLogprobs." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a TokenChunk message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.TokenChunk
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.TokenChunk} TokenChunk
             */
            TokenChunk.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.TokenChunk)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.TokenChunk: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.TokenChunk();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.requestId != null)
                    if (typeof object.requestId !== "string" || object.requestId.length)
                        message.requestId = $String(object.requestId);
                if (object.index != null)
                    if ($Number(object.index) !== 0)
                        message.index = object.index >>> 0;
                if (object.tokenIds) {
                    if (!$Array.isArray(object.tokenIds))
                        throw $TypeError(".inferos.v1.TokenChunk.tokenIds: array expected");
                    message.tokenIds = $Array(object.tokenIds.length);
                    for (let i = 0; i < object.tokenIds.length; ++i)
                        message.tokenIds[i] = object.tokenIds[i] >>> 0;
                }
                if (object.done != null)
                    if (object.done)
                        message.done = $Boolean(object.done);
                if (object.finishReason != null)
                    if (typeof object.finishReason !== "string" || object.finishReason.length)
                        message.finishReason = $String(object.finishReason);
                if (object.errorCode != null)
                    if (typeof object.errorCode !== "string" || object.errorCode.length)
                        message.errorCode = $String(object.errorCode);
                if (object.errorMessage != null)
                    if (typeof object.errorMessage !== "string" || object.errorMessage.length)
                        message.errorMessage = $String(object.errorMessage);
                if (object.promptTokens != null)
                    if ($Number(object.promptTokens) !== 0)
                        message.promptTokens = object.promptTokens >>> 0;
                if (object.completionTokens != null)
                    if ($Number(object.completionTokens) !== 0)
                        message.completionTokens = object.completionTokens >>> 0;
                if (object.workerId != null)
                    if (typeof object.workerId !== "string" || object.workerId.length)
                        message.workerId = $String(object.workerId);
                if (object.logprobs) {
                    if (!$Array.isArray(object.logprobs))
                        throw $TypeError(".inferos.v1.TokenChunk.logprobs: array expected");
                    message.logprobs = $Array(object.logprobs.length);
                    for (let i = 0; i < object.logprobs.length; ++i) {
                        if (!$util.isObject(object.logprobs[i]))
                            throw $TypeError(".inferos.v1.TokenChunk.logprobs: object expected");
                        message.logprobs[i] = $root.inferos.v1.TokenLogprob.fromObject(object.logprobs[i], _depth + 1);
                    }
                }
                if (object.promptLogprobs) {
                    if (!$Array.isArray(object.promptLogprobs))
                        throw $TypeError(".inferos.v1.TokenChunk.promptLogprobs: array expected");
                    message.promptLogprobs = $Array(object.promptLogprobs.length);
                    for (let i = 0; i < object.promptLogprobs.length; ++i) {
                        if (!$util.isObject(object.promptLogprobs[i]))
                            throw $TypeError(".inferos.v1.TokenChunk.promptLogprobs: object expected");
                        message.promptLogprobs[i] = $root.inferos.v1.TokenLogprob.fromObject(object.promptLogprobs[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a TokenChunk message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.TokenChunk
             * @static
             * @param {inferos.v1.TokenChunk} message TokenChunk
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TokenChunk.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.tokenIds = [];
                    object.logprobs = [];
                    object.promptLogprobs = [];
                }
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.requestId = "";
                    object.index = 0;
                    object.done = false;
                    object.finishReason = "";
                    object.errorCode = "";
                    object.errorMessage = "";
                    object.promptTokens = 0;
                    object.completionTokens = 0;
                    object.workerId = "";
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    object.requestId = message.requestId;
                if (message.index != null && $Object.hasOwnProperty.call(message, "index"))
                    object.index = message.index;
                if (message.tokenIds && message.tokenIds.length) {
                    object.tokenIds = $Array(message.tokenIds.length);
                    for (let j = 0; j < message.tokenIds.length; ++j)
                        object.tokenIds[j] = message.tokenIds[j];
                }
                if (message.done != null && $Object.hasOwnProperty.call(message, "done"))
                    object.done = message.done;
                if (message.finishReason != null && $Object.hasOwnProperty.call(message, "finishReason"))
                    object.finishReason = message.finishReason;
                if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                    object.errorCode = message.errorCode;
                if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage"))
                    object.errorMessage = message.errorMessage;
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens"))
                    object.promptTokens = message.promptTokens;
                if (message.completionTokens != null && $Object.hasOwnProperty.call(message, "completionTokens"))
                    object.completionTokens = message.completionTokens;
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                    object.workerId = message.workerId;
                if (message.logprobs && message.logprobs.length) {
                    object.logprobs = $Array(message.logprobs.length);
                    for (let j = 0; j < message.logprobs.length; ++j)
                        object.logprobs[j] = $root.inferos.v1.TokenLogprob.toObject(message.logprobs[j], options, _depth + 1);
                }
                if (message.promptLogprobs && message.promptLogprobs.length) {
                    object.promptLogprobs = $Array(message.promptLogprobs.length);
                    for (let j = 0; j < message.promptLogprobs.length; ++j)
                        object.promptLogprobs[j] = $root.inferos.v1.TokenLogprob.toObject(message.promptLogprobs[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this TokenChunk to JSON.
             * @function toJSON
             * @memberof inferos.v1.TokenChunk
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TokenChunk.prototype.toJSON = function() {
                return TokenChunk.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TokenChunk
             * @function getTypeUrl
             * @memberof inferos.v1.TokenChunk
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TokenChunk.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.TokenChunk";
            };

            return TokenChunk;
        })();

        v1.Heartbeat = (function() {

            /**
             * Properties of a Heartbeat.
             * @typedef {Object} inferos.v1.Heartbeat.$Properties
             * @property {number|null} [schemaVersion] Heartbeat schemaVersion
             * @property {string|null} [workerId] Heartbeat workerId
             * @property {string|null} [kind] Heartbeat kind
             * @property {number|null} [pid] Heartbeat pid
             * @property {string|null} [provider] Heartbeat provider
             * @property {Array.<string>|null} [providerPreference] Heartbeat providerPreference
             * @property {number|null} [running] Heartbeat running
             * @property {number|null} [waiting] Heartbeat waiting
             * @property {Array.<string>|null} [seqIds] Heartbeat seqIds
             * @property {number|null} [tokensGenerated] Heartbeat tokensGenerated
             * @property {string|null} [pidNamespace] Heartbeat pidNamespace
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Heartbeat.
             * @memberof inferos.v1
             * @interface IHeartbeat
             * @augments inferos.v1.Heartbeat.$Properties
             * @deprecated Use inferos.v1.Heartbeat.$Properties instead.
             */

            /**
             * Shape of a Heartbeat.
             * @typedef {inferos.v1.Heartbeat.$Properties} inferos.v1.Heartbeat.$Shape
             */

            /**
             * Constructs a new Heartbeat.
             * @memberof inferos.v1
             * @classdesc Represents a Heartbeat.
             * @constructor
             * @param {inferos.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Heartbeat = function (properties) {
                this.providerPreference = [];
                this.seqIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Heartbeat schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.schemaVersion = 0;

            /**
             * Heartbeat workerId.
             * @member {string} workerId
             * @memberof inferos.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.workerId = "";

            /**
             * Heartbeat kind.
             * @member {string} kind
             * @memberof inferos.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.kind = "";

            /**
             * Heartbeat pid.
             * @member {number} pid
             * @memberof inferos.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.pid = 0;

            /**
             * Heartbeat provider.
             * @member {string} provider
             * @memberof inferos.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.provider = "";

            /**
             * Heartbeat providerPreference.
             * @member {Array.<string>} providerPreference
             * @memberof inferos.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.providerPreference = $util.emptyArray;

            /**
             * Heartbeat running.
             * @member {number} running
             * @memberof inferos.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.running = 0;

            /**
             * Heartbeat waiting.
             * @member {number} waiting
             * @memberof inferos.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.waiting = 0;

            /**
             * Heartbeat seqIds.
             * @member {Array.<string>} seqIds
             * @memberof inferos.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.seqIds = $util.emptyArray;

            /**
             * Heartbeat tokensGenerated.
             * @member {number} tokensGenerated
             * @memberof inferos.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.tokensGenerated = 0;

            /**
             * Heartbeat pidNamespace.
             * @member {string} pidNamespace
             * @memberof inferos.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.pidNamespace = "";

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @function create
             * @memberof inferos.v1.Heartbeat
             * @static
             * @param {inferos.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.Heartbeat} Heartbeat instance
             * @type {{
             *   (properties: inferos.v1.Heartbeat.$Shape): inferos.v1.Heartbeat & inferos.v1.Heartbeat.$Shape;
             *   (properties?: inferos.v1.Heartbeat.$Properties): inferos.v1.Heartbeat;
             * }}
             */
            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link inferos.v1.Heartbeat.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.Heartbeat
             * @static
             * @param {inferos.v1.Heartbeat.$Properties} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId") && message.workerId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.workerId);
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.kind);
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid") && message.pid !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.pid);
                if (message.provider != null && $Object.hasOwnProperty.call(message, "provider") && message.provider !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.provider);
                if (message.providerPreference != null && message.providerPreference.length)
                    for (let i = 0; i < message.providerPreference.length; ++i)
                        writer.uint32(/* id 6, wireType 2 =*/50).string(message.providerPreference[i]);
                if (message.running != null && $Object.hasOwnProperty.call(message, "running") && message.running !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.running);
                if (message.waiting != null && $Object.hasOwnProperty.call(message, "waiting") && message.waiting !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.waiting);
                if (message.seqIds != null && message.seqIds.length)
                    for (let i = 0; i < message.seqIds.length; ++i)
                        writer.uint32(/* id 9, wireType 2 =*/74).string(message.seqIds[i]);
                if (message.tokensGenerated != null && $Object.hasOwnProperty.call(message, "tokensGenerated") && message.tokensGenerated !== 0)
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.tokensGenerated);
                if (message.pidNamespace != null && $Object.hasOwnProperty.call(message, "pidNamespace") && message.pidNamespace !== "")
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.pidNamespace);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.Heartbeat & inferos.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.Heartbeat();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workerId = value;
                            else
                                delete message.workerId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.pid = value;
                            else
                                delete message.pid;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.provider = value;
                            else
                                delete message.provider;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.providerPreference && message.providerPreference.length))
                                message.providerPreference = [];
                            message.providerPreference.push(reader.stringVerify());
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.running = value;
                            else
                                delete message.running;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.waiting = value;
                            else
                                delete message.waiting;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if (!(message.seqIds && message.seqIds.length))
                                message.seqIds = [];
                            message.seqIds.push(reader.stringVerify());
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tokensGenerated = value;
                            else
                                delete message.tokensGenerated;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.pidNamespace = value;
                            else
                                delete message.pidNamespace;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Heartbeat message.
             * @function verify
             * @memberof inferos.v1.Heartbeat
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Heartbeat.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                    if (!$util.isString(message.workerId))
                        return "workerId: string expected";
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    if (!$util.isString(message.kind))
                        return "kind: string expected";
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                    if (!$util.isInteger(message.pid))
                        return "pid: integer expected";
                if (message.provider != null && $Object.hasOwnProperty.call(message, "provider"))
                    if (!$util.isString(message.provider))
                        return "provider: string expected";
                if (message.providerPreference != null && $Object.hasOwnProperty.call(message, "providerPreference")) {
                    if (!$Array.isArray(message.providerPreference))
                        return "providerPreference: array expected";
                    for (let i = 0; i < message.providerPreference.length; ++i)
                        if (!$util.isString(message.providerPreference[i]))
                            return "providerPreference: string[] expected";
                }
                if (message.running != null && $Object.hasOwnProperty.call(message, "running"))
                    if (!$util.isInteger(message.running))
                        return "running: integer expected";
                if (message.waiting != null && $Object.hasOwnProperty.call(message, "waiting"))
                    if (!$util.isInteger(message.waiting))
                        return "waiting: integer expected";
                if (message.seqIds != null && $Object.hasOwnProperty.call(message, "seqIds")) {
                    if (!$Array.isArray(message.seqIds))
                        return "seqIds: array expected";
                    for (let i = 0; i < message.seqIds.length; ++i)
                        if (!$util.isString(message.seqIds[i]))
                            return "seqIds: string[] expected";
                }
                if (message.tokensGenerated != null && $Object.hasOwnProperty.call(message, "tokensGenerated"))
                    if (!$util.isInteger(message.tokensGenerated))
                        return "tokensGenerated: integer expected";
                if (message.pidNamespace != null && $Object.hasOwnProperty.call(message, "pidNamespace"))
                    if (!$util.isString(message.pidNamespace))
                        return "pidNamespace: string expected";
                return null;
            };

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.Heartbeat
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.Heartbeat} Heartbeat
             */
            Heartbeat.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.Heartbeat)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.Heartbeat: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.Heartbeat();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.workerId != null)
                    if (typeof object.workerId !== "string" || object.workerId.length)
                        message.workerId = $String(object.workerId);
                if (object.kind != null)
                    if (typeof object.kind !== "string" || object.kind.length)
                        message.kind = $String(object.kind);
                if (object.pid != null)
                    if ($Number(object.pid) !== 0)
                        message.pid = object.pid >>> 0;
                if (object.provider != null)
                    if (typeof object.provider !== "string" || object.provider.length)
                        message.provider = $String(object.provider);
                if (object.providerPreference) {
                    if (!$Array.isArray(object.providerPreference))
                        throw $TypeError(".inferos.v1.Heartbeat.providerPreference: array expected");
                    message.providerPreference = $Array(object.providerPreference.length);
                    for (let i = 0; i < object.providerPreference.length; ++i)
                        message.providerPreference[i] = $String(object.providerPreference[i]);
                }
                if (object.running != null)
                    if ($Number(object.running) !== 0)
                        message.running = object.running >>> 0;
                if (object.waiting != null)
                    if ($Number(object.waiting) !== 0)
                        message.waiting = object.waiting >>> 0;
                if (object.seqIds) {
                    if (!$Array.isArray(object.seqIds))
                        throw $TypeError(".inferos.v1.Heartbeat.seqIds: array expected");
                    message.seqIds = $Array(object.seqIds.length);
                    for (let i = 0; i < object.seqIds.length; ++i)
                        message.seqIds[i] = $String(object.seqIds[i]);
                }
                if (object.tokensGenerated != null)
                    if ($Number(object.tokensGenerated) !== 0)
                        message.tokensGenerated = object.tokensGenerated >>> 0;
                if (object.pidNamespace != null)
                    if (typeof object.pidNamespace !== "string" || object.pidNamespace.length)
                        message.pidNamespace = $String(object.pidNamespace);
                return message;
            };

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.Heartbeat
             * @static
             * @param {inferos.v1.Heartbeat} message Heartbeat
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Heartbeat.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.providerPreference = [];
                    object.seqIds = [];
                }
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.workerId = "";
                    object.kind = "";
                    object.pid = 0;
                    object.provider = "";
                    object.running = 0;
                    object.waiting = 0;
                    object.tokensGenerated = 0;
                    object.pidNamespace = "";
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                    object.workerId = message.workerId;
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    object.kind = message.kind;
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                    object.pid = message.pid;
                if (message.provider != null && $Object.hasOwnProperty.call(message, "provider"))
                    object.provider = message.provider;
                if (message.providerPreference && message.providerPreference.length) {
                    object.providerPreference = $Array(message.providerPreference.length);
                    for (let j = 0; j < message.providerPreference.length; ++j)
                        object.providerPreference[j] = message.providerPreference[j];
                }
                if (message.running != null && $Object.hasOwnProperty.call(message, "running"))
                    object.running = message.running;
                if (message.waiting != null && $Object.hasOwnProperty.call(message, "waiting"))
                    object.waiting = message.waiting;
                if (message.seqIds && message.seqIds.length) {
                    object.seqIds = $Array(message.seqIds.length);
                    for (let j = 0; j < message.seqIds.length; ++j)
                        object.seqIds[j] = message.seqIds[j];
                }
                if (message.tokensGenerated != null && $Object.hasOwnProperty.call(message, "tokensGenerated"))
                    object.tokensGenerated = message.tokensGenerated;
                if (message.pidNamespace != null && $Object.hasOwnProperty.call(message, "pidNamespace"))
                    object.pidNamespace = message.pidNamespace;
                return object;
            };

            /**
             * Converts this Heartbeat to JSON.
             * @function toJSON
             * @memberof inferos.v1.Heartbeat
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Heartbeat.prototype.toJSON = function() {
                return Heartbeat.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Heartbeat
             * @function getTypeUrl
             * @memberof inferos.v1.Heartbeat
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Heartbeat.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.Heartbeat";
            };

            return Heartbeat;
        })();

        v1.SeqLost = (function() {

            /**
             * Properties of a SeqLost.
             * @typedef {Object} inferos.v1.SeqLost.$Properties
             * @property {number|null} [schemaVersion] SeqLost schemaVersion
             * @property {string|null} [seqId] SeqLost seqId
             * @property {string|null} [requestId] SeqLost requestId
             * @property {string|null} [workerId] SeqLost workerId
             * @property {string|null} [reason] SeqLost reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SeqLost.
             * @memberof inferos.v1
             * @interface ISeqLost
             * @augments inferos.v1.SeqLost.$Properties
             * @deprecated Use inferos.v1.SeqLost.$Properties instead.
             */

            /**
             * Shape of a SeqLost.
             * @typedef {inferos.v1.SeqLost.$Properties} inferos.v1.SeqLost.$Shape
             */

            /**
             * Constructs a new SeqLost.
             * @memberof inferos.v1
             * @classdesc Represents a SeqLost.
             * @constructor
             * @param {inferos.v1.SeqLost.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SeqLost = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SeqLost schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.SeqLost
             * @instance
             */
            SeqLost.prototype.schemaVersion = 0;

            /**
             * SeqLost seqId.
             * @member {string} seqId
             * @memberof inferos.v1.SeqLost
             * @instance
             */
            SeqLost.prototype.seqId = "";

            /**
             * SeqLost requestId.
             * @member {string} requestId
             * @memberof inferos.v1.SeqLost
             * @instance
             */
            SeqLost.prototype.requestId = "";

            /**
             * SeqLost workerId.
             * @member {string} workerId
             * @memberof inferos.v1.SeqLost
             * @instance
             */
            SeqLost.prototype.workerId = "";

            /**
             * SeqLost reason.
             * @member {string} reason
             * @memberof inferos.v1.SeqLost
             * @instance
             */
            SeqLost.prototype.reason = "";

            /**
             * Creates a new SeqLost instance using the specified properties.
             * @function create
             * @memberof inferos.v1.SeqLost
             * @static
             * @param {inferos.v1.SeqLost.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.SeqLost} SeqLost instance
             * @type {{
             *   (properties: inferos.v1.SeqLost.$Shape): inferos.v1.SeqLost & inferos.v1.SeqLost.$Shape;
             *   (properties?: inferos.v1.SeqLost.$Properties): inferos.v1.SeqLost;
             * }}
             */
            SeqLost.create = function(properties) {
                return new SeqLost(properties);
            };

            /**
             * Encodes the specified SeqLost message. Does not implicitly {@link inferos.v1.SeqLost.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.SeqLost
             * @static
             * @param {inferos.v1.SeqLost.$Properties} message SeqLost message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SeqLost.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId") && message.seqId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.seqId);
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.requestId);
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId") && message.workerId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.workerId);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SeqLost message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.SeqLost
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.SeqLost & inferos.v1.SeqLost.$Shape} SeqLost
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SeqLost.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.SeqLost();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.seqId = value;
                            else
                                delete message.seqId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workerId = value;
                            else
                                delete message.workerId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a SeqLost message.
             * @function verify
             * @memberof inferos.v1.SeqLost
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SeqLost.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    if (!$util.isString(message.seqId))
                        return "seqId: string expected";
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (!$util.isString(message.requestId))
                        return "requestId: string expected";
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                    if (!$util.isString(message.workerId))
                        return "workerId: string expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                return null;
            };

            /**
             * Creates a SeqLost message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.SeqLost
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.SeqLost} SeqLost
             */
            SeqLost.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.SeqLost)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.SeqLost: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.SeqLost();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.seqId != null)
                    if (typeof object.seqId !== "string" || object.seqId.length)
                        message.seqId = $String(object.seqId);
                if (object.requestId != null)
                    if (typeof object.requestId !== "string" || object.requestId.length)
                        message.requestId = $String(object.requestId);
                if (object.workerId != null)
                    if (typeof object.workerId !== "string" || object.workerId.length)
                        message.workerId = $String(object.workerId);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                return message;
            };

            /**
             * Creates a plain object from a SeqLost message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.SeqLost
             * @static
             * @param {inferos.v1.SeqLost} message SeqLost
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SeqLost.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.seqId = "";
                    object.requestId = "";
                    object.workerId = "";
                    object.reason = "";
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.seqId != null && $Object.hasOwnProperty.call(message, "seqId"))
                    object.seqId = message.seqId;
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    object.requestId = message.requestId;
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                    object.workerId = message.workerId;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                return object;
            };

            /**
             * Converts this SeqLost to JSON.
             * @function toJSON
             * @memberof inferos.v1.SeqLost
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SeqLost.prototype.toJSON = function() {
                return SeqLost.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SeqLost
             * @function getTypeUrl
             * @memberof inferos.v1.SeqLost
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SeqLost.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.SeqLost";
            };

            return SeqLost;
        })();

        v1.HealthRequest = (function() {

            /**
             * Properties of a HealthRequest.
             * @typedef {Object} inferos.v1.HealthRequest.$Properties
             * @property {number|null} [schemaVersion] HealthRequest schemaVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HealthRequest.
             * @memberof inferos.v1
             * @interface IHealthRequest
             * @augments inferos.v1.HealthRequest.$Properties
             * @deprecated Use inferos.v1.HealthRequest.$Properties instead.
             */

            /**
             * Shape of a HealthRequest.
             * @typedef {inferos.v1.HealthRequest.$Properties} inferos.v1.HealthRequest.$Shape
             */

            /**
             * Constructs a new HealthRequest.
             * @memberof inferos.v1
             * @classdesc Represents a HealthRequest.
             * @constructor
             * @param {inferos.v1.HealthRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HealthRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HealthRequest schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.HealthRequest
             * @instance
             */
            HealthRequest.prototype.schemaVersion = 0;

            /**
             * Creates a new HealthRequest instance using the specified properties.
             * @function create
             * @memberof inferos.v1.HealthRequest
             * @static
             * @param {inferos.v1.HealthRequest.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.HealthRequest} HealthRequest instance
             * @type {{
             *   (properties: inferos.v1.HealthRequest.$Shape): inferos.v1.HealthRequest & inferos.v1.HealthRequest.$Shape;
             *   (properties?: inferos.v1.HealthRequest.$Properties): inferos.v1.HealthRequest;
             * }}
             */
            HealthRequest.create = function(properties) {
                return new HealthRequest(properties);
            };

            /**
             * Encodes the specified HealthRequest message. Does not implicitly {@link inferos.v1.HealthRequest.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.HealthRequest
             * @static
             * @param {inferos.v1.HealthRequest.$Properties} message HealthRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HealthRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HealthRequest message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.HealthRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.HealthRequest & inferos.v1.HealthRequest.$Shape} HealthRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HealthRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.HealthRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a HealthRequest message.
             * @function verify
             * @memberof inferos.v1.HealthRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HealthRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                return null;
            };

            /**
             * Creates a HealthRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.HealthRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.HealthRequest} HealthRequest
             */
            HealthRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.HealthRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.HealthRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.HealthRequest();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a HealthRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.HealthRequest
             * @static
             * @param {inferos.v1.HealthRequest} message HealthRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HealthRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.schemaVersion = 0;
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                return object;
            };

            /**
             * Converts this HealthRequest to JSON.
             * @function toJSON
             * @memberof inferos.v1.HealthRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HealthRequest.prototype.toJSON = function() {
                return HealthRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for HealthRequest
             * @function getTypeUrl
             * @memberof inferos.v1.HealthRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            HealthRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.HealthRequest";
            };

            return HealthRequest;
        })();

        v1.HealthReply = (function() {

            /**
             * Properties of a HealthReply.
             * @typedef {Object} inferos.v1.HealthReply.$Properties
             * @property {number|null} [schemaVersion] HealthReply schemaVersion
             * @property {string|null} [service] HealthReply service
             * @property {string|null} [instance] HealthReply instance
             * @property {boolean|null} [ok] HealthReply ok
             * @property {string|null} [detailJson] HealthReply detailJson
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HealthReply.
             * @memberof inferos.v1
             * @interface IHealthReply
             * @augments inferos.v1.HealthReply.$Properties
             * @deprecated Use inferos.v1.HealthReply.$Properties instead.
             */

            /**
             * Shape of a HealthReply.
             * @typedef {inferos.v1.HealthReply.$Properties} inferos.v1.HealthReply.$Shape
             */

            /**
             * Constructs a new HealthReply.
             * @memberof inferos.v1
             * @classdesc Represents a HealthReply.
             * @constructor
             * @param {inferos.v1.HealthReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HealthReply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HealthReply schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.HealthReply
             * @instance
             */
            HealthReply.prototype.schemaVersion = 0;

            /**
             * HealthReply service.
             * @member {string} service
             * @memberof inferos.v1.HealthReply
             * @instance
             */
            HealthReply.prototype.service = "";

            /**
             * HealthReply instance.
             * @member {string} instance
             * @memberof inferos.v1.HealthReply
             * @instance
             */
            HealthReply.prototype.instance = "";

            /**
             * HealthReply ok.
             * @member {boolean} ok
             * @memberof inferos.v1.HealthReply
             * @instance
             */
            HealthReply.prototype.ok = false;

            /**
             * HealthReply detailJson.
             * @member {string} detailJson
             * @memberof inferos.v1.HealthReply
             * @instance
             */
            HealthReply.prototype.detailJson = "";

            /**
             * Creates a new HealthReply instance using the specified properties.
             * @function create
             * @memberof inferos.v1.HealthReply
             * @static
             * @param {inferos.v1.HealthReply.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.HealthReply} HealthReply instance
             * @type {{
             *   (properties: inferos.v1.HealthReply.$Shape): inferos.v1.HealthReply & inferos.v1.HealthReply.$Shape;
             *   (properties?: inferos.v1.HealthReply.$Properties): inferos.v1.HealthReply;
             * }}
             */
            HealthReply.create = function(properties) {
                return new HealthReply(properties);
            };

            /**
             * Encodes the specified HealthReply message. Does not implicitly {@link inferos.v1.HealthReply.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.HealthReply
             * @static
             * @param {inferos.v1.HealthReply.$Properties} message HealthReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HealthReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.service);
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance") && message.instance !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.instance);
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok") && message.ok !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.ok);
                if (message.detailJson != null && $Object.hasOwnProperty.call(message, "detailJson") && message.detailJson !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.detailJson);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HealthReply message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.HealthReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.HealthReply & inferos.v1.HealthReply.$Shape} HealthReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HealthReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.HealthReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.service = value;
                            else
                                delete message.service;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instance = value;
                            else
                                delete message.instance;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.ok = value;
                            else
                                delete message.ok;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.detailJson = value;
                            else
                                delete message.detailJson;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a HealthReply message.
             * @function verify
             * @memberof inferos.v1.HealthReply
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HealthReply.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.service != null && $Object.hasOwnProperty.call(message, "service"))
                    if (!$util.isString(message.service))
                        return "service: string expected";
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance"))
                    if (!$util.isString(message.instance))
                        return "instance: string expected";
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                    if (typeof message.ok !== "boolean")
                        return "ok: boolean expected";
                if (message.detailJson != null && $Object.hasOwnProperty.call(message, "detailJson"))
                    if (!$util.isString(message.detailJson))
                        return "detailJson: string expected";
                return null;
            };

            /**
             * Creates a HealthReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.HealthReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.HealthReply} HealthReply
             */
            HealthReply.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.HealthReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.HealthReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.HealthReply();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.service != null)
                    if (typeof object.service !== "string" || object.service.length)
                        message.service = $String(object.service);
                if (object.instance != null)
                    if (typeof object.instance !== "string" || object.instance.length)
                        message.instance = $String(object.instance);
                if (object.ok != null)
                    if (object.ok)
                        message.ok = $Boolean(object.ok);
                if (object.detailJson != null)
                    if (typeof object.detailJson !== "string" || object.detailJson.length)
                        message.detailJson = $String(object.detailJson);
                return message;
            };

            /**
             * Creates a plain object from a HealthReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.HealthReply
             * @static
             * @param {inferos.v1.HealthReply} message HealthReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HealthReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.service = "";
                    object.instance = "";
                    object.ok = false;
                    object.detailJson = "";
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.service != null && $Object.hasOwnProperty.call(message, "service"))
                    object.service = message.service;
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance"))
                    object.instance = message.instance;
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                    object.ok = message.ok;
                if (message.detailJson != null && $Object.hasOwnProperty.call(message, "detailJson"))
                    object.detailJson = message.detailJson;
                return object;
            };

            /**
             * Converts this HealthReply to JSON.
             * @function toJSON
             * @memberof inferos.v1.HealthReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HealthReply.prototype.toJSON = function() {
                return HealthReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for HealthReply
             * @function getTypeUrl
             * @memberof inferos.v1.HealthReply
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            HealthReply.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.HealthReply";
            };

            return HealthReply;
        })();

        v1.KvStats = (function() {

            /**
             * Properties of a KvStats.
             * @typedef {Object} inferos.v1.KvStats.$Properties
             * @property {number|null} [schemaVersion] KvStats schemaVersion
             * @property {number|null} [budgetBytes] KvStats budgetBytes
             * @property {number|null} [usedBytes] KvStats usedBytes
             * @property {number|null} [reservedBytes] KvStats reservedBytes
             * @property {number|null} [sequences] KvStats sequences
             * @property {number|null} [bytesF32] KvStats bytesF32
             * @property {number|null} [bytesF16] KvStats bytesF16
             * @property {number|null} [bytesInt8] KvStats bytesInt8
             * @property {number|null} [bytesInt4] KvStats bytesInt4
             * @property {number|null} [bytesFp16Equivalent] KvStats bytesFp16Equivalent
             * @property {number|null} [segments] KvStats segments
             * @property {number|null} [peakUsedBytes] KvStats peakUsedBytes
             * @property {number|null} [peakSequences] KvStats peakSequences
             * @property {number|null} [freedLost] KvStats freedLost
             * @property {number|null} [sweptBytes] KvStats sweptBytes
             * @property {boolean|null} [admissionPaused] KvStats admissionPaused
             * @property {number|null} [squeezes] KvStats squeezes
             * @property {number|null} [policyVersion] KvStats policyVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a KvStats.
             * @memberof inferos.v1
             * @interface IKvStats
             * @augments inferos.v1.KvStats.$Properties
             * @deprecated Use inferos.v1.KvStats.$Properties instead.
             */

            /**
             * Shape of a KvStats.
             * @typedef {inferos.v1.KvStats.$Properties} inferos.v1.KvStats.$Shape
             */

            /**
             * Constructs a new KvStats.
             * @memberof inferos.v1
             * @classdesc Represents a KvStats.
             * @constructor
             * @param {inferos.v1.KvStats.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const KvStats = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * KvStats schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.schemaVersion = 0;

            /**
             * KvStats budgetBytes.
             * @member {number} budgetBytes
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.budgetBytes = 0;

            /**
             * KvStats usedBytes.
             * @member {number} usedBytes
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.usedBytes = 0;

            /**
             * KvStats reservedBytes.
             * @member {number} reservedBytes
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.reservedBytes = 0;

            /**
             * KvStats sequences.
             * @member {number} sequences
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.sequences = 0;

            /**
             * KvStats bytesF32.
             * @member {number} bytesF32
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.bytesF32 = 0;

            /**
             * KvStats bytesF16.
             * @member {number} bytesF16
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.bytesF16 = 0;

            /**
             * KvStats bytesInt8.
             * @member {number} bytesInt8
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.bytesInt8 = 0;

            /**
             * KvStats bytesInt4.
             * @member {number} bytesInt4
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.bytesInt4 = 0;

            /**
             * KvStats bytesFp16Equivalent.
             * @member {number} bytesFp16Equivalent
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.bytesFp16Equivalent = 0;

            /**
             * KvStats segments.
             * @member {number} segments
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.segments = 0;

            /**
             * KvStats peakUsedBytes.
             * @member {number} peakUsedBytes
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.peakUsedBytes = 0;

            /**
             * KvStats peakSequences.
             * @member {number} peakSequences
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.peakSequences = 0;

            /**
             * KvStats freedLost.
             * @member {number} freedLost
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.freedLost = 0;

            /**
             * KvStats sweptBytes.
             * @member {number} sweptBytes
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.sweptBytes = 0;

            /**
             * KvStats admissionPaused.
             * @member {boolean} admissionPaused
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.admissionPaused = false;

            /**
             * KvStats squeezes.
             * @member {number} squeezes
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.squeezes = 0;

            /**
             * KvStats policyVersion.
             * @member {number} policyVersion
             * @memberof inferos.v1.KvStats
             * @instance
             */
            KvStats.prototype.policyVersion = 0;

            /**
             * Creates a new KvStats instance using the specified properties.
             * @function create
             * @memberof inferos.v1.KvStats
             * @static
             * @param {inferos.v1.KvStats.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.KvStats} KvStats instance
             * @type {{
             *   (properties: inferos.v1.KvStats.$Shape): inferos.v1.KvStats & inferos.v1.KvStats.$Shape;
             *   (properties?: inferos.v1.KvStats.$Properties): inferos.v1.KvStats;
             * }}
             */
            KvStats.create = function(properties) {
                return new KvStats(properties);
            };

            /**
             * Encodes the specified KvStats message. Does not implicitly {@link inferos.v1.KvStats.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.KvStats
             * @static
             * @param {inferos.v1.KvStats.$Properties} message KvStats message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            KvStats.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.budgetBytes != null && $Object.hasOwnProperty.call(message, "budgetBytes") && !$Object.is(message.budgetBytes, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.budgetBytes);
                if (message.usedBytes != null && $Object.hasOwnProperty.call(message, "usedBytes") && !$Object.is(message.usedBytes, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.usedBytes);
                if (message.reservedBytes != null && $Object.hasOwnProperty.call(message, "reservedBytes") && !$Object.is(message.reservedBytes, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.reservedBytes);
                if (message.sequences != null && $Object.hasOwnProperty.call(message, "sequences") && message.sequences !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.sequences);
                if (message.bytesF32 != null && $Object.hasOwnProperty.call(message, "bytesF32") && !$Object.is(message.bytesF32, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.bytesF32);
                if (message.bytesF16 != null && $Object.hasOwnProperty.call(message, "bytesF16") && !$Object.is(message.bytesF16, 0))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.bytesF16);
                if (message.bytesInt8 != null && $Object.hasOwnProperty.call(message, "bytesInt8") && !$Object.is(message.bytesInt8, 0))
                    writer.uint32(/* id 8, wireType 1 =*/65).double(message.bytesInt8);
                if (message.bytesInt4 != null && $Object.hasOwnProperty.call(message, "bytesInt4") && !$Object.is(message.bytesInt4, 0))
                    writer.uint32(/* id 9, wireType 1 =*/73).double(message.bytesInt4);
                if (message.bytesFp16Equivalent != null && $Object.hasOwnProperty.call(message, "bytesFp16Equivalent") && !$Object.is(message.bytesFp16Equivalent, 0))
                    writer.uint32(/* id 10, wireType 1 =*/81).double(message.bytesFp16Equivalent);
                if (message.segments != null && $Object.hasOwnProperty.call(message, "segments") && message.segments !== 0)
                    writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.segments);
                if (message.peakUsedBytes != null && $Object.hasOwnProperty.call(message, "peakUsedBytes") && !$Object.is(message.peakUsedBytes, 0))
                    writer.uint32(/* id 12, wireType 1 =*/97).double(message.peakUsedBytes);
                if (message.peakSequences != null && $Object.hasOwnProperty.call(message, "peakSequences") && message.peakSequences !== 0)
                    writer.uint32(/* id 13, wireType 0 =*/104).uint32(message.peakSequences);
                if (message.freedLost != null && $Object.hasOwnProperty.call(message, "freedLost") && !$Object.is(message.freedLost, 0))
                    writer.uint32(/* id 14, wireType 1 =*/113).double(message.freedLost);
                if (message.sweptBytes != null && $Object.hasOwnProperty.call(message, "sweptBytes") && !$Object.is(message.sweptBytes, 0))
                    writer.uint32(/* id 15, wireType 1 =*/121).double(message.sweptBytes);
                if (message.admissionPaused != null && $Object.hasOwnProperty.call(message, "admissionPaused") && message.admissionPaused !== false)
                    writer.uint32(/* id 16, wireType 0 =*/128).bool(message.admissionPaused);
                if (message.squeezes != null && $Object.hasOwnProperty.call(message, "squeezes") && !$Object.is(message.squeezes, 0))
                    writer.uint32(/* id 17, wireType 1 =*/137).double(message.squeezes);
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion") && message.policyVersion !== 0)
                    writer.uint32(/* id 18, wireType 0 =*/144).uint32(message.policyVersion);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a KvStats message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.KvStats
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.KvStats & inferos.v1.KvStats.$Shape} KvStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            KvStats.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.KvStats();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.budgetBytes = value;
                            else
                                delete message.budgetBytes;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.usedBytes = value;
                            else
                                delete message.usedBytes;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.reservedBytes = value;
                            else
                                delete message.reservedBytes;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.sequences = value;
                            else
                                delete message.sequences;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.bytesF32 = value;
                            else
                                delete message.bytesF32;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.bytesF16 = value;
                            else
                                delete message.bytesF16;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.bytesInt8 = value;
                            else
                                delete message.bytesInt8;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.bytesInt4 = value;
                            else
                                delete message.bytesInt4;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.bytesFp16Equivalent = value;
                            else
                                delete message.bytesFp16Equivalent;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.segments = value;
                            else
                                delete message.segments;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.peakUsedBytes = value;
                            else
                                delete message.peakUsedBytes;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.peakSequences = value;
                            else
                                delete message.peakSequences;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.freedLost = value;
                            else
                                delete message.freedLost;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.sweptBytes = value;
                            else
                                delete message.sweptBytes;
                            continue;
                        }
                    case 16: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.admissionPaused = value;
                            else
                                delete message.admissionPaused;
                            continue;
                        }
                    case 17: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.squeezes = value;
                            else
                                delete message.squeezes;
                            continue;
                        }
                    case 18: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.policyVersion = value;
                            else
                                delete message.policyVersion;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a KvStats message.
             * @function verify
             * @memberof inferos.v1.KvStats
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            KvStats.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.budgetBytes != null && $Object.hasOwnProperty.call(message, "budgetBytes"))
                    if (typeof message.budgetBytes !== "number")
                        return "budgetBytes: number expected";
                if (message.usedBytes != null && $Object.hasOwnProperty.call(message, "usedBytes"))
                    if (typeof message.usedBytes !== "number")
                        return "usedBytes: number expected";
                if (message.reservedBytes != null && $Object.hasOwnProperty.call(message, "reservedBytes"))
                    if (typeof message.reservedBytes !== "number")
                        return "reservedBytes: number expected";
                if (message.sequences != null && $Object.hasOwnProperty.call(message, "sequences"))
                    if (!$util.isInteger(message.sequences))
                        return "sequences: integer expected";
                if (message.bytesF32 != null && $Object.hasOwnProperty.call(message, "bytesF32"))
                    if (typeof message.bytesF32 !== "number")
                        return "bytesF32: number expected";
                if (message.bytesF16 != null && $Object.hasOwnProperty.call(message, "bytesF16"))
                    if (typeof message.bytesF16 !== "number")
                        return "bytesF16: number expected";
                if (message.bytesInt8 != null && $Object.hasOwnProperty.call(message, "bytesInt8"))
                    if (typeof message.bytesInt8 !== "number")
                        return "bytesInt8: number expected";
                if (message.bytesInt4 != null && $Object.hasOwnProperty.call(message, "bytesInt4"))
                    if (typeof message.bytesInt4 !== "number")
                        return "bytesInt4: number expected";
                if (message.bytesFp16Equivalent != null && $Object.hasOwnProperty.call(message, "bytesFp16Equivalent"))
                    if (typeof message.bytesFp16Equivalent !== "number")
                        return "bytesFp16Equivalent: number expected";
                if (message.segments != null && $Object.hasOwnProperty.call(message, "segments"))
                    if (!$util.isInteger(message.segments))
                        return "segments: integer expected";
                if (message.peakUsedBytes != null && $Object.hasOwnProperty.call(message, "peakUsedBytes"))
                    if (typeof message.peakUsedBytes !== "number")
                        return "peakUsedBytes: number expected";
                if (message.peakSequences != null && $Object.hasOwnProperty.call(message, "peakSequences"))
                    if (!$util.isInteger(message.peakSequences))
                        return "peakSequences: integer expected";
                if (message.freedLost != null && $Object.hasOwnProperty.call(message, "freedLost"))
                    if (typeof message.freedLost !== "number")
                        return "freedLost: number expected";
                if (message.sweptBytes != null && $Object.hasOwnProperty.call(message, "sweptBytes"))
                    if (typeof message.sweptBytes !== "number")
                        return "sweptBytes: number expected";
                if (message.admissionPaused != null && $Object.hasOwnProperty.call(message, "admissionPaused"))
                    if (typeof message.admissionPaused !== "boolean")
                        return "admissionPaused: boolean expected";
                if (message.squeezes != null && $Object.hasOwnProperty.call(message, "squeezes"))
                    if (typeof message.squeezes !== "number")
                        return "squeezes: number expected";
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion"))
                    if (!$util.isInteger(message.policyVersion))
                        return "policyVersion: integer expected";
                return null;
            };

            /**
             * Creates a KvStats message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.KvStats
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.KvStats} KvStats
             */
            KvStats.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.KvStats)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.KvStats: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.KvStats();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.budgetBytes != null)
                    if (!$Object.is($Number(object.budgetBytes), 0))
                        message.budgetBytes = $Number(object.budgetBytes);
                if (object.usedBytes != null)
                    if (!$Object.is($Number(object.usedBytes), 0))
                        message.usedBytes = $Number(object.usedBytes);
                if (object.reservedBytes != null)
                    if (!$Object.is($Number(object.reservedBytes), 0))
                        message.reservedBytes = $Number(object.reservedBytes);
                if (object.sequences != null)
                    if ($Number(object.sequences) !== 0)
                        message.sequences = object.sequences >>> 0;
                if (object.bytesF32 != null)
                    if (!$Object.is($Number(object.bytesF32), 0))
                        message.bytesF32 = $Number(object.bytesF32);
                if (object.bytesF16 != null)
                    if (!$Object.is($Number(object.bytesF16), 0))
                        message.bytesF16 = $Number(object.bytesF16);
                if (object.bytesInt8 != null)
                    if (!$Object.is($Number(object.bytesInt8), 0))
                        message.bytesInt8 = $Number(object.bytesInt8);
                if (object.bytesInt4 != null)
                    if (!$Object.is($Number(object.bytesInt4), 0))
                        message.bytesInt4 = $Number(object.bytesInt4);
                if (object.bytesFp16Equivalent != null)
                    if (!$Object.is($Number(object.bytesFp16Equivalent), 0))
                        message.bytesFp16Equivalent = $Number(object.bytesFp16Equivalent);
                if (object.segments != null)
                    if ($Number(object.segments) !== 0)
                        message.segments = object.segments >>> 0;
                if (object.peakUsedBytes != null)
                    if (!$Object.is($Number(object.peakUsedBytes), 0))
                        message.peakUsedBytes = $Number(object.peakUsedBytes);
                if (object.peakSequences != null)
                    if ($Number(object.peakSequences) !== 0)
                        message.peakSequences = object.peakSequences >>> 0;
                if (object.freedLost != null)
                    if (!$Object.is($Number(object.freedLost), 0))
                        message.freedLost = $Number(object.freedLost);
                if (object.sweptBytes != null)
                    if (!$Object.is($Number(object.sweptBytes), 0))
                        message.sweptBytes = $Number(object.sweptBytes);
                if (object.admissionPaused != null)
                    if (object.admissionPaused)
                        message.admissionPaused = $Boolean(object.admissionPaused);
                if (object.squeezes != null)
                    if (!$Object.is($Number(object.squeezes), 0))
                        message.squeezes = $Number(object.squeezes);
                if (object.policyVersion != null)
                    if ($Number(object.policyVersion) !== 0)
                        message.policyVersion = object.policyVersion >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a KvStats message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.KvStats
             * @static
             * @param {inferos.v1.KvStats} message KvStats
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            KvStats.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.budgetBytes = 0;
                    object.usedBytes = 0;
                    object.reservedBytes = 0;
                    object.sequences = 0;
                    object.bytesF32 = 0;
                    object.bytesF16 = 0;
                    object.bytesInt8 = 0;
                    object.bytesInt4 = 0;
                    object.bytesFp16Equivalent = 0;
                    object.segments = 0;
                    object.peakUsedBytes = 0;
                    object.peakSequences = 0;
                    object.freedLost = 0;
                    object.sweptBytes = 0;
                    object.admissionPaused = false;
                    object.squeezes = 0;
                    object.policyVersion = 0;
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.budgetBytes != null && $Object.hasOwnProperty.call(message, "budgetBytes"))
                    object.budgetBytes = options.json && !$isFinite(message.budgetBytes) ? $String(message.budgetBytes) : message.budgetBytes;
                if (message.usedBytes != null && $Object.hasOwnProperty.call(message, "usedBytes"))
                    object.usedBytes = options.json && !$isFinite(message.usedBytes) ? $String(message.usedBytes) : message.usedBytes;
                if (message.reservedBytes != null && $Object.hasOwnProperty.call(message, "reservedBytes"))
                    object.reservedBytes = options.json && !$isFinite(message.reservedBytes) ? $String(message.reservedBytes) : message.reservedBytes;
                if (message.sequences != null && $Object.hasOwnProperty.call(message, "sequences"))
                    object.sequences = message.sequences;
                if (message.bytesF32 != null && $Object.hasOwnProperty.call(message, "bytesF32"))
                    object.bytesF32 = options.json && !$isFinite(message.bytesF32) ? $String(message.bytesF32) : message.bytesF32;
                if (message.bytesF16 != null && $Object.hasOwnProperty.call(message, "bytesF16"))
                    object.bytesF16 = options.json && !$isFinite(message.bytesF16) ? $String(message.bytesF16) : message.bytesF16;
                if (message.bytesInt8 != null && $Object.hasOwnProperty.call(message, "bytesInt8"))
                    object.bytesInt8 = options.json && !$isFinite(message.bytesInt8) ? $String(message.bytesInt8) : message.bytesInt8;
                if (message.bytesInt4 != null && $Object.hasOwnProperty.call(message, "bytesInt4"))
                    object.bytesInt4 = options.json && !$isFinite(message.bytesInt4) ? $String(message.bytesInt4) : message.bytesInt4;
                if (message.bytesFp16Equivalent != null && $Object.hasOwnProperty.call(message, "bytesFp16Equivalent"))
                    object.bytesFp16Equivalent = options.json && !$isFinite(message.bytesFp16Equivalent) ? $String(message.bytesFp16Equivalent) : message.bytesFp16Equivalent;
                if (message.segments != null && $Object.hasOwnProperty.call(message, "segments"))
                    object.segments = message.segments;
                if (message.peakUsedBytes != null && $Object.hasOwnProperty.call(message, "peakUsedBytes"))
                    object.peakUsedBytes = options.json && !$isFinite(message.peakUsedBytes) ? $String(message.peakUsedBytes) : message.peakUsedBytes;
                if (message.peakSequences != null && $Object.hasOwnProperty.call(message, "peakSequences"))
                    object.peakSequences = message.peakSequences;
                if (message.freedLost != null && $Object.hasOwnProperty.call(message, "freedLost"))
                    object.freedLost = options.json && !$isFinite(message.freedLost) ? $String(message.freedLost) : message.freedLost;
                if (message.sweptBytes != null && $Object.hasOwnProperty.call(message, "sweptBytes"))
                    object.sweptBytes = options.json && !$isFinite(message.sweptBytes) ? $String(message.sweptBytes) : message.sweptBytes;
                if (message.admissionPaused != null && $Object.hasOwnProperty.call(message, "admissionPaused"))
                    object.admissionPaused = message.admissionPaused;
                if (message.squeezes != null && $Object.hasOwnProperty.call(message, "squeezes"))
                    object.squeezes = options.json && !$isFinite(message.squeezes) ? $String(message.squeezes) : message.squeezes;
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion"))
                    object.policyVersion = message.policyVersion;
                return object;
            };

            /**
             * Converts this KvStats to JSON.
             * @function toJSON
             * @memberof inferos.v1.KvStats
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            KvStats.prototype.toJSON = function() {
                return KvStats.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for KvStats
             * @function getTypeUrl
             * @memberof inferos.v1.KvStats
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            KvStats.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.KvStats";
            };

            return KvStats;
        })();

        v1.PolicyUpdate = (function() {

            /**
             * Properties of a PolicyUpdate.
             * @typedef {Object} inferos.v1.PolicyUpdate.$Properties
             * @property {number|null} [schemaVersion] PolicyUpdate schemaVersion
             * @property {number|null} [version] PolicyUpdate version
             * @property {string|null} [policyJson] PolicyUpdate policyJson
             * @property {boolean|null} [baselineMode] PolicyUpdate baselineMode
             * @property {number|null} [issuedAtMs] PolicyUpdate issuedAtMs
             * @property {string|null} [reason] PolicyUpdate reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PolicyUpdate.
             * @memberof inferos.v1
             * @interface IPolicyUpdate
             * @augments inferos.v1.PolicyUpdate.$Properties
             * @deprecated Use inferos.v1.PolicyUpdate.$Properties instead.
             */

            /**
             * Shape of a PolicyUpdate.
             * @typedef {inferos.v1.PolicyUpdate.$Properties} inferos.v1.PolicyUpdate.$Shape
             */

            /**
             * Constructs a new PolicyUpdate.
             * @memberof inferos.v1
             * @classdesc Represents a PolicyUpdate.
             * @constructor
             * @param {inferos.v1.PolicyUpdate.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PolicyUpdate = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PolicyUpdate schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.PolicyUpdate
             * @instance
             */
            PolicyUpdate.prototype.schemaVersion = 0;

            /**
             * PolicyUpdate version.
             * @member {number} version
             * @memberof inferos.v1.PolicyUpdate
             * @instance
             */
            PolicyUpdate.prototype.version = 0;

            /**
             * PolicyUpdate policyJson.
             * @member {string} policyJson
             * @memberof inferos.v1.PolicyUpdate
             * @instance
             */
            PolicyUpdate.prototype.policyJson = "";

            /**
             * PolicyUpdate baselineMode.
             * @member {boolean} baselineMode
             * @memberof inferos.v1.PolicyUpdate
             * @instance
             */
            PolicyUpdate.prototype.baselineMode = false;

            /**
             * PolicyUpdate issuedAtMs.
             * @member {number} issuedAtMs
             * @memberof inferos.v1.PolicyUpdate
             * @instance
             */
            PolicyUpdate.prototype.issuedAtMs = 0;

            /**
             * PolicyUpdate reason.
             * @member {string} reason
             * @memberof inferos.v1.PolicyUpdate
             * @instance
             */
            PolicyUpdate.prototype.reason = "";

            /**
             * Creates a new PolicyUpdate instance using the specified properties.
             * @function create
             * @memberof inferos.v1.PolicyUpdate
             * @static
             * @param {inferos.v1.PolicyUpdate.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.PolicyUpdate} PolicyUpdate instance
             * @type {{
             *   (properties: inferos.v1.PolicyUpdate.$Shape): inferos.v1.PolicyUpdate & inferos.v1.PolicyUpdate.$Shape;
             *   (properties?: inferos.v1.PolicyUpdate.$Properties): inferos.v1.PolicyUpdate;
             * }}
             */
            PolicyUpdate.create = function(properties) {
                return new PolicyUpdate(properties);
            };

            /**
             * Encodes the specified PolicyUpdate message. Does not implicitly {@link inferos.v1.PolicyUpdate.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.PolicyUpdate
             * @static
             * @param {inferos.v1.PolicyUpdate.$Properties} message PolicyUpdate message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PolicyUpdate.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.version);
                if (message.policyJson != null && $Object.hasOwnProperty.call(message, "policyJson") && message.policyJson !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.policyJson);
                if (message.baselineMode != null && $Object.hasOwnProperty.call(message, "baselineMode") && message.baselineMode !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.baselineMode);
                if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs") && !$Object.is(message.issuedAtMs, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.issuedAtMs);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PolicyUpdate message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.PolicyUpdate
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.PolicyUpdate & inferos.v1.PolicyUpdate.$Shape} PolicyUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PolicyUpdate.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.PolicyUpdate();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.policyJson = value;
                            else
                                delete message.policyJson;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.baselineMode = value;
                            else
                                delete message.baselineMode;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.issuedAtMs = value;
                            else
                                delete message.issuedAtMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a PolicyUpdate message.
             * @function verify
             * @memberof inferos.v1.PolicyUpdate
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PolicyUpdate.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    if (!$util.isInteger(message.version))
                        return "version: integer expected";
                if (message.policyJson != null && $Object.hasOwnProperty.call(message, "policyJson"))
                    if (!$util.isString(message.policyJson))
                        return "policyJson: string expected";
                if (message.baselineMode != null && $Object.hasOwnProperty.call(message, "baselineMode"))
                    if (typeof message.baselineMode !== "boolean")
                        return "baselineMode: boolean expected";
                if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs"))
                    if (typeof message.issuedAtMs !== "number")
                        return "issuedAtMs: number expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                return null;
            };

            /**
             * Creates a PolicyUpdate message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.PolicyUpdate
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.PolicyUpdate} PolicyUpdate
             */
            PolicyUpdate.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.PolicyUpdate)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.PolicyUpdate: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.PolicyUpdate();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.version != null)
                    if ($Number(object.version) !== 0)
                        message.version = object.version >>> 0;
                if (object.policyJson != null)
                    if (typeof object.policyJson !== "string" || object.policyJson.length)
                        message.policyJson = $String(object.policyJson);
                if (object.baselineMode != null)
                    if (object.baselineMode)
                        message.baselineMode = $Boolean(object.baselineMode);
                if (object.issuedAtMs != null)
                    if (!$Object.is($Number(object.issuedAtMs), 0))
                        message.issuedAtMs = $Number(object.issuedAtMs);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                return message;
            };

            /**
             * Creates a plain object from a PolicyUpdate message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.PolicyUpdate
             * @static
             * @param {inferos.v1.PolicyUpdate} message PolicyUpdate
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PolicyUpdate.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.version = 0;
                    object.policyJson = "";
                    object.baselineMode = false;
                    object.issuedAtMs = 0;
                    object.reason = "";
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.policyJson != null && $Object.hasOwnProperty.call(message, "policyJson"))
                    object.policyJson = message.policyJson;
                if (message.baselineMode != null && $Object.hasOwnProperty.call(message, "baselineMode"))
                    object.baselineMode = message.baselineMode;
                if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs"))
                    object.issuedAtMs = options.json && !$isFinite(message.issuedAtMs) ? $String(message.issuedAtMs) : message.issuedAtMs;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                return object;
            };

            /**
             * Converts this PolicyUpdate to JSON.
             * @function toJSON
             * @memberof inferos.v1.PolicyUpdate
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PolicyUpdate.prototype.toJSON = function() {
                return PolicyUpdate.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PolicyUpdate
             * @function getTypeUrl
             * @memberof inferos.v1.PolicyUpdate
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PolicyUpdate.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.PolicyUpdate";
            };

            return PolicyUpdate;
        })();

        v1.PolicyAck = (function() {

            /**
             * Properties of a PolicyAck.
             * @typedef {Object} inferos.v1.PolicyAck.$Properties
             * @property {number|null} [schemaVersion] PolicyAck schemaVersion
             * @property {string|null} [service] PolicyAck service
             * @property {string|null} [instance] PolicyAck instance
             * @property {number|null} [version] PolicyAck version
             * @property {number|null} [appliedAtMs] PolicyAck appliedAtMs
             * @property {string|null} [error] PolicyAck error
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PolicyAck.
             * @memberof inferos.v1
             * @interface IPolicyAck
             * @augments inferos.v1.PolicyAck.$Properties
             * @deprecated Use inferos.v1.PolicyAck.$Properties instead.
             */

            /**
             * Shape of a PolicyAck.
             * @typedef {inferos.v1.PolicyAck.$Properties} inferos.v1.PolicyAck.$Shape
             */

            /**
             * Constructs a new PolicyAck.
             * @memberof inferos.v1
             * @classdesc Represents a PolicyAck.
             * @constructor
             * @param {inferos.v1.PolicyAck.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PolicyAck = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PolicyAck schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.PolicyAck
             * @instance
             */
            PolicyAck.prototype.schemaVersion = 0;

            /**
             * PolicyAck service.
             * @member {string} service
             * @memberof inferos.v1.PolicyAck
             * @instance
             */
            PolicyAck.prototype.service = "";

            /**
             * PolicyAck instance.
             * @member {string} instance
             * @memberof inferos.v1.PolicyAck
             * @instance
             */
            PolicyAck.prototype.instance = "";

            /**
             * PolicyAck version.
             * @member {number} version
             * @memberof inferos.v1.PolicyAck
             * @instance
             */
            PolicyAck.prototype.version = 0;

            /**
             * PolicyAck appliedAtMs.
             * @member {number} appliedAtMs
             * @memberof inferos.v1.PolicyAck
             * @instance
             */
            PolicyAck.prototype.appliedAtMs = 0;

            /**
             * PolicyAck error.
             * @member {string} error
             * @memberof inferos.v1.PolicyAck
             * @instance
             */
            PolicyAck.prototype.error = "";

            /**
             * Creates a new PolicyAck instance using the specified properties.
             * @function create
             * @memberof inferos.v1.PolicyAck
             * @static
             * @param {inferos.v1.PolicyAck.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.PolicyAck} PolicyAck instance
             * @type {{
             *   (properties: inferos.v1.PolicyAck.$Shape): inferos.v1.PolicyAck & inferos.v1.PolicyAck.$Shape;
             *   (properties?: inferos.v1.PolicyAck.$Properties): inferos.v1.PolicyAck;
             * }}
             */
            PolicyAck.create = function(properties) {
                return new PolicyAck(properties);
            };

            /**
             * Encodes the specified PolicyAck message. Does not implicitly {@link inferos.v1.PolicyAck.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.PolicyAck
             * @static
             * @param {inferos.v1.PolicyAck.$Properties} message PolicyAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PolicyAck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.service);
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance") && message.instance !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.instance);
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.version);
                if (message.appliedAtMs != null && $Object.hasOwnProperty.call(message, "appliedAtMs") && !$Object.is(message.appliedAtMs, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.appliedAtMs);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.error);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PolicyAck message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.PolicyAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.PolicyAck & inferos.v1.PolicyAck.$Shape} PolicyAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PolicyAck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.PolicyAck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.service = value;
                            else
                                delete message.service;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instance = value;
                            else
                                delete message.instance;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.appliedAtMs = value;
                            else
                                delete message.appliedAtMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a PolicyAck message.
             * @function verify
             * @memberof inferos.v1.PolicyAck
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PolicyAck.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.service != null && $Object.hasOwnProperty.call(message, "service"))
                    if (!$util.isString(message.service))
                        return "service: string expected";
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance"))
                    if (!$util.isString(message.instance))
                        return "instance: string expected";
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    if (!$util.isInteger(message.version))
                        return "version: integer expected";
                if (message.appliedAtMs != null && $Object.hasOwnProperty.call(message, "appliedAtMs"))
                    if (typeof message.appliedAtMs !== "number")
                        return "appliedAtMs: number expected";
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    if (!$util.isString(message.error))
                        return "error: string expected";
                return null;
            };

            /**
             * Creates a PolicyAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.PolicyAck
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.PolicyAck} PolicyAck
             */
            PolicyAck.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.PolicyAck)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.PolicyAck: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.PolicyAck();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.service != null)
                    if (typeof object.service !== "string" || object.service.length)
                        message.service = $String(object.service);
                if (object.instance != null)
                    if (typeof object.instance !== "string" || object.instance.length)
                        message.instance = $String(object.instance);
                if (object.version != null)
                    if ($Number(object.version) !== 0)
                        message.version = object.version >>> 0;
                if (object.appliedAtMs != null)
                    if (!$Object.is($Number(object.appliedAtMs), 0))
                        message.appliedAtMs = $Number(object.appliedAtMs);
                if (object.error != null)
                    if (typeof object.error !== "string" || object.error.length)
                        message.error = $String(object.error);
                return message;
            };

            /**
             * Creates a plain object from a PolicyAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.PolicyAck
             * @static
             * @param {inferos.v1.PolicyAck} message PolicyAck
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PolicyAck.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.service = "";
                    object.instance = "";
                    object.version = 0;
                    object.appliedAtMs = 0;
                    object.error = "";
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.service != null && $Object.hasOwnProperty.call(message, "service"))
                    object.service = message.service;
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance"))
                    object.instance = message.instance;
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.appliedAtMs != null && $Object.hasOwnProperty.call(message, "appliedAtMs"))
                    object.appliedAtMs = options.json && !$isFinite(message.appliedAtMs) ? $String(message.appliedAtMs) : message.appliedAtMs;
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    object.error = message.error;
                return object;
            };

            /**
             * Converts this PolicyAck to JSON.
             * @function toJSON
             * @memberof inferos.v1.PolicyAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PolicyAck.prototype.toJSON = function() {
                return PolicyAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PolicyAck
             * @function getTypeUrl
             * @memberof inferos.v1.PolicyAck
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PolicyAck.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.PolicyAck";
            };

            return PolicyAck;
        })();

        v1.RequestMetrics = (function() {

            /**
             * Properties of a RequestMetrics.
             * @typedef {Object} inferos.v1.RequestMetrics.$Properties
             * @property {number|null} [schemaVersion] RequestMetrics schemaVersion
             * @property {string|null} [model] RequestMetrics model
             * @property {string|null} [policy] RequestMetrics policy
             * @property {boolean|null} [ok] RequestMetrics ok
             * @property {string|null} [errorCode] RequestMetrics errorCode
             * @property {number|null} [promptTokens] RequestMetrics promptTokens
             * @property {number|null} [completionTokens] RequestMetrics completionTokens
             * @property {number|null} [ttftS] RequestMetrics ttftS
             * @property {number|null} [e2eS] RequestMetrics e2eS
             * @property {Array.<number>|null} [itlS] RequestMetrics itlS
             * @property {string|null} [finishReason] RequestMetrics finishReason
             * @property {number|null} [targetFtlMs] RequestMetrics targetFtlMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RequestMetrics.
             * @memberof inferos.v1
             * @interface IRequestMetrics
             * @augments inferos.v1.RequestMetrics.$Properties
             * @deprecated Use inferos.v1.RequestMetrics.$Properties instead.
             */

            /**
             * Shape of a RequestMetrics.
             * @typedef {inferos.v1.RequestMetrics.$Properties} inferos.v1.RequestMetrics.$Shape
             */

            /**
             * Constructs a new RequestMetrics.
             * @memberof inferos.v1
             * @classdesc Represents a RequestMetrics.
             * @constructor
             * @param {inferos.v1.RequestMetrics.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RequestMetrics = function (properties) {
                this.itlS = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RequestMetrics schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.RequestMetrics
             * @instance
             */
            RequestMetrics.prototype.schemaVersion = 0;

            /**
             * RequestMetrics model.
             * @member {string} model
             * @memberof inferos.v1.RequestMetrics
             * @instance
             */
            RequestMetrics.prototype.model = "";

            /**
             * RequestMetrics policy.
             * @member {string} policy
             * @memberof inferos.v1.RequestMetrics
             * @instance
             */
            RequestMetrics.prototype.policy = "";

            /**
             * RequestMetrics ok.
             * @member {boolean} ok
             * @memberof inferos.v1.RequestMetrics
             * @instance
             */
            RequestMetrics.prototype.ok = false;

            /**
             * RequestMetrics errorCode.
             * @member {string} errorCode
             * @memberof inferos.v1.RequestMetrics
             * @instance
             */
            RequestMetrics.prototype.errorCode = "";

            /**
             * RequestMetrics promptTokens.
             * @member {number} promptTokens
             * @memberof inferos.v1.RequestMetrics
             * @instance
             */
            RequestMetrics.prototype.promptTokens = 0;

            /**
             * RequestMetrics completionTokens.
             * @member {number} completionTokens
             * @memberof inferos.v1.RequestMetrics
             * @instance
             */
            RequestMetrics.prototype.completionTokens = 0;

            /**
             * RequestMetrics ttftS.
             * @member {number} ttftS
             * @memberof inferos.v1.RequestMetrics
             * @instance
             */
            RequestMetrics.prototype.ttftS = 0;

            /**
             * RequestMetrics e2eS.
             * @member {number} e2eS
             * @memberof inferos.v1.RequestMetrics
             * @instance
             */
            RequestMetrics.prototype.e2eS = 0;

            /**
             * RequestMetrics itlS.
             * @member {Array.<number>} itlS
             * @memberof inferos.v1.RequestMetrics
             * @instance
             */
            RequestMetrics.prototype.itlS = $util.emptyArray;

            /**
             * RequestMetrics finishReason.
             * @member {string} finishReason
             * @memberof inferos.v1.RequestMetrics
             * @instance
             */
            RequestMetrics.prototype.finishReason = "";

            /**
             * RequestMetrics targetFtlMs.
             * @member {number} targetFtlMs
             * @memberof inferos.v1.RequestMetrics
             * @instance
             */
            RequestMetrics.prototype.targetFtlMs = 0;

            /**
             * Creates a new RequestMetrics instance using the specified properties.
             * @function create
             * @memberof inferos.v1.RequestMetrics
             * @static
             * @param {inferos.v1.RequestMetrics.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.RequestMetrics} RequestMetrics instance
             * @type {{
             *   (properties: inferos.v1.RequestMetrics.$Shape): inferos.v1.RequestMetrics & inferos.v1.RequestMetrics.$Shape;
             *   (properties?: inferos.v1.RequestMetrics.$Properties): inferos.v1.RequestMetrics;
             * }}
             */
            RequestMetrics.create = function(properties) {
                return new RequestMetrics(properties);
            };

            /**
             * Encodes the specified RequestMetrics message. Does not implicitly {@link inferos.v1.RequestMetrics.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.RequestMetrics
             * @static
             * @param {inferos.v1.RequestMetrics.$Properties} message RequestMetrics message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RequestMetrics.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.model != null && $Object.hasOwnProperty.call(message, "model") && message.model !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.model);
                if (message.policy != null && $Object.hasOwnProperty.call(message, "policy") && message.policy !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.policy);
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok") && message.ok !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.ok);
                if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.errorCode);
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens") && message.promptTokens !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.promptTokens);
                if (message.completionTokens != null && $Object.hasOwnProperty.call(message, "completionTokens") && message.completionTokens !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.completionTokens);
                if (message.ttftS != null && $Object.hasOwnProperty.call(message, "ttftS") && !$Object.is(message.ttftS, 0))
                    writer.uint32(/* id 8, wireType 1 =*/65).double(message.ttftS);
                if (message.e2eS != null && $Object.hasOwnProperty.call(message, "e2eS") && !$Object.is(message.e2eS, 0))
                    writer.uint32(/* id 9, wireType 1 =*/73).double(message.e2eS);
                if (message.itlS != null && message.itlS.length)
                    writer.uint32(/* id 10, wireType 2 =*/82).floats(message.itlS);
                if (message.finishReason != null && $Object.hasOwnProperty.call(message, "finishReason") && message.finishReason !== "")
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.finishReason);
                if (message.targetFtlMs != null && $Object.hasOwnProperty.call(message, "targetFtlMs") && !$Object.is(message.targetFtlMs, 0))
                    writer.uint32(/* id 12, wireType 1 =*/97).double(message.targetFtlMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RequestMetrics message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.RequestMetrics
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.RequestMetrics & inferos.v1.RequestMetrics.$Shape} RequestMetrics
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RequestMetrics.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.RequestMetrics();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.model = value;
                            else
                                delete message.model;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.policy = value;
                            else
                                delete message.policy;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.ok = value;
                            else
                                delete message.ok;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.errorCode = value;
                            else
                                delete message.errorCode;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.promptTokens = value;
                            else
                                delete message.promptTokens;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.completionTokens = value;
                            else
                                delete message.completionTokens;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.ttftS = value;
                            else
                                delete message.ttftS;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.e2eS = value;
                            else
                                delete message.e2eS;
                            continue;
                        }
                    case 10: {
                            if (wireType === 2) {
                                if (!(message.itlS && message.itlS.length))
                                    message.itlS = [];
                                reader.floats(message.itlS);
                                continue;
                            }
                            if (wireType !== 5)
                                break;
                            if (!(message.itlS && message.itlS.length))
                                message.itlS = [];
                            message.itlS.push(reader.float());
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.finishReason = value;
                            else
                                delete message.finishReason;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.targetFtlMs = value;
                            else
                                delete message.targetFtlMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a RequestMetrics message.
             * @function verify
             * @memberof inferos.v1.RequestMetrics
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RequestMetrics.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    if (!$util.isString(message.model))
                        return "model: string expected";
                if (message.policy != null && $Object.hasOwnProperty.call(message, "policy"))
                    if (!$util.isString(message.policy))
                        return "policy: string expected";
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                    if (typeof message.ok !== "boolean")
                        return "ok: boolean expected";
                if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                    if (!$util.isString(message.errorCode))
                        return "errorCode: string expected";
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens"))
                    if (!$util.isInteger(message.promptTokens))
                        return "promptTokens: integer expected";
                if (message.completionTokens != null && $Object.hasOwnProperty.call(message, "completionTokens"))
                    if (!$util.isInteger(message.completionTokens))
                        return "completionTokens: integer expected";
                if (message.ttftS != null && $Object.hasOwnProperty.call(message, "ttftS"))
                    if (typeof message.ttftS !== "number")
                        return "ttftS: number expected";
                if (message.e2eS != null && $Object.hasOwnProperty.call(message, "e2eS"))
                    if (typeof message.e2eS !== "number")
                        return "e2eS: number expected";
                if (message.itlS != null && $Object.hasOwnProperty.call(message, "itlS")) {
                    if (!$Array.isArray(message.itlS))
                        return "itlS: array expected";
                    for (let i = 0; i < message.itlS.length; ++i)
                        if (typeof message.itlS[i] !== "number")
                            return "itlS: number[] expected";
                }
                if (message.finishReason != null && $Object.hasOwnProperty.call(message, "finishReason"))
                    if (!$util.isString(message.finishReason))
                        return "finishReason: string expected";
                if (message.targetFtlMs != null && $Object.hasOwnProperty.call(message, "targetFtlMs"))
                    if (typeof message.targetFtlMs !== "number")
                        return "targetFtlMs: number expected";
                return null;
            };

            /**
             * Creates a RequestMetrics message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.RequestMetrics
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.RequestMetrics} RequestMetrics
             */
            RequestMetrics.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.RequestMetrics)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.RequestMetrics: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.RequestMetrics();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.model != null)
                    if (typeof object.model !== "string" || object.model.length)
                        message.model = $String(object.model);
                if (object.policy != null)
                    if (typeof object.policy !== "string" || object.policy.length)
                        message.policy = $String(object.policy);
                if (object.ok != null)
                    if (object.ok)
                        message.ok = $Boolean(object.ok);
                if (object.errorCode != null)
                    if (typeof object.errorCode !== "string" || object.errorCode.length)
                        message.errorCode = $String(object.errorCode);
                if (object.promptTokens != null)
                    if ($Number(object.promptTokens) !== 0)
                        message.promptTokens = object.promptTokens >>> 0;
                if (object.completionTokens != null)
                    if ($Number(object.completionTokens) !== 0)
                        message.completionTokens = object.completionTokens >>> 0;
                if (object.ttftS != null)
                    if (!$Object.is($Number(object.ttftS), 0))
                        message.ttftS = $Number(object.ttftS);
                if (object.e2eS != null)
                    if (!$Object.is($Number(object.e2eS), 0))
                        message.e2eS = $Number(object.e2eS);
                if (object.itlS) {
                    if (!$Array.isArray(object.itlS))
                        throw $TypeError(".inferos.v1.RequestMetrics.itlS: array expected");
                    message.itlS = $Array(object.itlS.length);
                    for (let i = 0; i < object.itlS.length; ++i)
                        message.itlS[i] = $Number(object.itlS[i]);
                }
                if (object.finishReason != null)
                    if (typeof object.finishReason !== "string" || object.finishReason.length)
                        message.finishReason = $String(object.finishReason);
                if (object.targetFtlMs != null)
                    if (!$Object.is($Number(object.targetFtlMs), 0))
                        message.targetFtlMs = $Number(object.targetFtlMs);
                return message;
            };

            /**
             * Creates a plain object from a RequestMetrics message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.RequestMetrics
             * @static
             * @param {inferos.v1.RequestMetrics} message RequestMetrics
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RequestMetrics.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.itlS = [];
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.model = "";
                    object.policy = "";
                    object.ok = false;
                    object.errorCode = "";
                    object.promptTokens = 0;
                    object.completionTokens = 0;
                    object.ttftS = 0;
                    object.e2eS = 0;
                    object.finishReason = "";
                    object.targetFtlMs = 0;
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    object.model = message.model;
                if (message.policy != null && $Object.hasOwnProperty.call(message, "policy"))
                    object.policy = message.policy;
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                    object.ok = message.ok;
                if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                    object.errorCode = message.errorCode;
                if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens"))
                    object.promptTokens = message.promptTokens;
                if (message.completionTokens != null && $Object.hasOwnProperty.call(message, "completionTokens"))
                    object.completionTokens = message.completionTokens;
                if (message.ttftS != null && $Object.hasOwnProperty.call(message, "ttftS"))
                    object.ttftS = options.json && !$isFinite(message.ttftS) ? $String(message.ttftS) : message.ttftS;
                if (message.e2eS != null && $Object.hasOwnProperty.call(message, "e2eS"))
                    object.e2eS = options.json && !$isFinite(message.e2eS) ? $String(message.e2eS) : message.e2eS;
                if (message.itlS && message.itlS.length) {
                    object.itlS = $Array(message.itlS.length);
                    for (let j = 0; j < message.itlS.length; ++j)
                        object.itlS[j] = options.json && !$isFinite(message.itlS[j]) ? $String(message.itlS[j]) : message.itlS[j];
                }
                if (message.finishReason != null && $Object.hasOwnProperty.call(message, "finishReason"))
                    object.finishReason = message.finishReason;
                if (message.targetFtlMs != null && $Object.hasOwnProperty.call(message, "targetFtlMs"))
                    object.targetFtlMs = options.json && !$isFinite(message.targetFtlMs) ? $String(message.targetFtlMs) : message.targetFtlMs;
                return object;
            };

            /**
             * Converts this RequestMetrics to JSON.
             * @function toJSON
             * @memberof inferos.v1.RequestMetrics
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RequestMetrics.prototype.toJSON = function() {
                return RequestMetrics.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RequestMetrics
             * @function getTypeUrl
             * @memberof inferos.v1.RequestMetrics
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RequestMetrics.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.RequestMetrics";
            };

            return RequestMetrics;
        })();

        v1.LoopStats = (function() {

            /**
             * Properties of a LoopStats.
             * @typedef {Object} inferos.v1.LoopStats.$Properties
             * @property {string|null} [name] LoopStats name
             * @property {number|null} [targetPeriodMs] LoopStats targetPeriodMs
             * @property {number|null} [meanPeriodMs] LoopStats meanPeriodMs
             * @property {number|null} [jitterMs] LoopStats jitterMs
             * @property {number|null} [maxJitterMs] LoopStats maxJitterMs
             * @property {number|null} [meanWorkMs] LoopStats meanWorkMs
             * @property {number|null} [iterations] LoopStats iterations
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LoopStats.
             * @memberof inferos.v1
             * @interface ILoopStats
             * @augments inferos.v1.LoopStats.$Properties
             * @deprecated Use inferos.v1.LoopStats.$Properties instead.
             */

            /**
             * Shape of a LoopStats.
             * @typedef {inferos.v1.LoopStats.$Properties} inferos.v1.LoopStats.$Shape
             */

            /**
             * Constructs a new LoopStats.
             * @memberof inferos.v1
             * @classdesc Represents a LoopStats.
             * @constructor
             * @param {inferos.v1.LoopStats.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LoopStats = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LoopStats name.
             * @member {string} name
             * @memberof inferos.v1.LoopStats
             * @instance
             */
            LoopStats.prototype.name = "";

            /**
             * LoopStats targetPeriodMs.
             * @member {number} targetPeriodMs
             * @memberof inferos.v1.LoopStats
             * @instance
             */
            LoopStats.prototype.targetPeriodMs = 0;

            /**
             * LoopStats meanPeriodMs.
             * @member {number} meanPeriodMs
             * @memberof inferos.v1.LoopStats
             * @instance
             */
            LoopStats.prototype.meanPeriodMs = 0;

            /**
             * LoopStats jitterMs.
             * @member {number} jitterMs
             * @memberof inferos.v1.LoopStats
             * @instance
             */
            LoopStats.prototype.jitterMs = 0;

            /**
             * LoopStats maxJitterMs.
             * @member {number} maxJitterMs
             * @memberof inferos.v1.LoopStats
             * @instance
             */
            LoopStats.prototype.maxJitterMs = 0;

            /**
             * LoopStats meanWorkMs.
             * @member {number} meanWorkMs
             * @memberof inferos.v1.LoopStats
             * @instance
             */
            LoopStats.prototype.meanWorkMs = 0;

            /**
             * LoopStats iterations.
             * @member {number} iterations
             * @memberof inferos.v1.LoopStats
             * @instance
             */
            LoopStats.prototype.iterations = 0;

            /**
             * Creates a new LoopStats instance using the specified properties.
             * @function create
             * @memberof inferos.v1.LoopStats
             * @static
             * @param {inferos.v1.LoopStats.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.LoopStats} LoopStats instance
             * @type {{
             *   (properties: inferos.v1.LoopStats.$Shape): inferos.v1.LoopStats & inferos.v1.LoopStats.$Shape;
             *   (properties?: inferos.v1.LoopStats.$Properties): inferos.v1.LoopStats;
             * }}
             */
            LoopStats.create = function(properties) {
                return new LoopStats(properties);
            };

            /**
             * Encodes the specified LoopStats message. Does not implicitly {@link inferos.v1.LoopStats.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.LoopStats
             * @static
             * @param {inferos.v1.LoopStats.$Properties} message LoopStats message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LoopStats.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.targetPeriodMs != null && $Object.hasOwnProperty.call(message, "targetPeriodMs") && !$Object.is(message.targetPeriodMs, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.targetPeriodMs);
                if (message.meanPeriodMs != null && $Object.hasOwnProperty.call(message, "meanPeriodMs") && !$Object.is(message.meanPeriodMs, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.meanPeriodMs);
                if (message.jitterMs != null && $Object.hasOwnProperty.call(message, "jitterMs") && !$Object.is(message.jitterMs, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.jitterMs);
                if (message.maxJitterMs != null && $Object.hasOwnProperty.call(message, "maxJitterMs") && !$Object.is(message.maxJitterMs, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.maxJitterMs);
                if (message.meanWorkMs != null && $Object.hasOwnProperty.call(message, "meanWorkMs") && !$Object.is(message.meanWorkMs, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.meanWorkMs);
                if (message.iterations != null && $Object.hasOwnProperty.call(message, "iterations") && !$Object.is(message.iterations, 0))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.iterations);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a LoopStats message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.LoopStats
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.LoopStats & inferos.v1.LoopStats.$Shape} LoopStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LoopStats.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.LoopStats();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.targetPeriodMs = value;
                            else
                                delete message.targetPeriodMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.meanPeriodMs = value;
                            else
                                delete message.meanPeriodMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.jitterMs = value;
                            else
                                delete message.jitterMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.maxJitterMs = value;
                            else
                                delete message.maxJitterMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.meanWorkMs = value;
                            else
                                delete message.meanWorkMs;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.iterations = value;
                            else
                                delete message.iterations;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a LoopStats message.
             * @function verify
             * @memberof inferos.v1.LoopStats
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LoopStats.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.targetPeriodMs != null && $Object.hasOwnProperty.call(message, "targetPeriodMs"))
                    if (typeof message.targetPeriodMs !== "number")
                        return "targetPeriodMs: number expected";
                if (message.meanPeriodMs != null && $Object.hasOwnProperty.call(message, "meanPeriodMs"))
                    if (typeof message.meanPeriodMs !== "number")
                        return "meanPeriodMs: number expected";
                if (message.jitterMs != null && $Object.hasOwnProperty.call(message, "jitterMs"))
                    if (typeof message.jitterMs !== "number")
                        return "jitterMs: number expected";
                if (message.maxJitterMs != null && $Object.hasOwnProperty.call(message, "maxJitterMs"))
                    if (typeof message.maxJitterMs !== "number")
                        return "maxJitterMs: number expected";
                if (message.meanWorkMs != null && $Object.hasOwnProperty.call(message, "meanWorkMs"))
                    if (typeof message.meanWorkMs !== "number")
                        return "meanWorkMs: number expected";
                if (message.iterations != null && $Object.hasOwnProperty.call(message, "iterations"))
                    if (typeof message.iterations !== "number")
                        return "iterations: number expected";
                return null;
            };

            /**
             * Creates a LoopStats message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.LoopStats
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.LoopStats} LoopStats
             */
            LoopStats.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.LoopStats)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.LoopStats: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.LoopStats();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.targetPeriodMs != null)
                    if (!$Object.is($Number(object.targetPeriodMs), 0))
                        message.targetPeriodMs = $Number(object.targetPeriodMs);
                if (object.meanPeriodMs != null)
                    if (!$Object.is($Number(object.meanPeriodMs), 0))
                        message.meanPeriodMs = $Number(object.meanPeriodMs);
                if (object.jitterMs != null)
                    if (!$Object.is($Number(object.jitterMs), 0))
                        message.jitterMs = $Number(object.jitterMs);
                if (object.maxJitterMs != null)
                    if (!$Object.is($Number(object.maxJitterMs), 0))
                        message.maxJitterMs = $Number(object.maxJitterMs);
                if (object.meanWorkMs != null)
                    if (!$Object.is($Number(object.meanWorkMs), 0))
                        message.meanWorkMs = $Number(object.meanWorkMs);
                if (object.iterations != null)
                    if (!$Object.is($Number(object.iterations), 0))
                        message.iterations = $Number(object.iterations);
                return message;
            };

            /**
             * Creates a plain object from a LoopStats message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.LoopStats
             * @static
             * @param {inferos.v1.LoopStats} message LoopStats
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LoopStats.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    object.targetPeriodMs = 0;
                    object.meanPeriodMs = 0;
                    object.jitterMs = 0;
                    object.maxJitterMs = 0;
                    object.meanWorkMs = 0;
                    object.iterations = 0;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.targetPeriodMs != null && $Object.hasOwnProperty.call(message, "targetPeriodMs"))
                    object.targetPeriodMs = options.json && !$isFinite(message.targetPeriodMs) ? $String(message.targetPeriodMs) : message.targetPeriodMs;
                if (message.meanPeriodMs != null && $Object.hasOwnProperty.call(message, "meanPeriodMs"))
                    object.meanPeriodMs = options.json && !$isFinite(message.meanPeriodMs) ? $String(message.meanPeriodMs) : message.meanPeriodMs;
                if (message.jitterMs != null && $Object.hasOwnProperty.call(message, "jitterMs"))
                    object.jitterMs = options.json && !$isFinite(message.jitterMs) ? $String(message.jitterMs) : message.jitterMs;
                if (message.maxJitterMs != null && $Object.hasOwnProperty.call(message, "maxJitterMs"))
                    object.maxJitterMs = options.json && !$isFinite(message.maxJitterMs) ? $String(message.maxJitterMs) : message.maxJitterMs;
                if (message.meanWorkMs != null && $Object.hasOwnProperty.call(message, "meanWorkMs"))
                    object.meanWorkMs = options.json && !$isFinite(message.meanWorkMs) ? $String(message.meanWorkMs) : message.meanWorkMs;
                if (message.iterations != null && $Object.hasOwnProperty.call(message, "iterations"))
                    object.iterations = options.json && !$isFinite(message.iterations) ? $String(message.iterations) : message.iterations;
                return object;
            };

            /**
             * Converts this LoopStats to JSON.
             * @function toJSON
             * @memberof inferos.v1.LoopStats
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LoopStats.prototype.toJSON = function() {
                return LoopStats.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LoopStats
             * @function getTypeUrl
             * @memberof inferos.v1.LoopStats
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LoopStats.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.LoopStats";
            };

            return LoopStats;
        })();

        v1.ServiceReport = (function() {

            /**
             * Properties of a ServiceReport.
             * @typedef {Object} inferos.v1.ServiceReport.$Properties
             * @property {number|null} [schemaVersion] ServiceReport schemaVersion
             * @property {string|null} [service] ServiceReport service
             * @property {string|null} [instance] ServiceReport instance
             * @property {string|null} [model] ServiceReport model
             * @property {number|null} [timeMs] ServiceReport timeMs
             * @property {number|null} [policyVersion] ServiceReport policyVersion
             * @property {boolean|null} [hasRequests] ServiceReport hasRequests
             * @property {number|null} [requestsRunning] ServiceReport requestsRunning
             * @property {number|null} [requestsWaiting] ServiceReport requestsWaiting
             * @property {boolean|null} [hasKv] ServiceReport hasKv
             * @property {number|null} [kvBudgetBytes] ServiceReport kvBudgetBytes
             * @property {number|null} [kvUsedBytes] ServiceReport kvUsedBytes
             * @property {number|null} [kvReservedBytes] ServiceReport kvReservedBytes
             * @property {number|null} [kvBytesF32] ServiceReport kvBytesF32
             * @property {number|null} [kvBytesF16] ServiceReport kvBytesF16
             * @property {number|null} [kvBytesInt8] ServiceReport kvBytesInt8
             * @property {number|null} [kvBytesInt4] ServiceReport kvBytesInt4
             * @property {number|null} [kvSequences] ServiceReport kvSequences
             * @property {boolean|null} [admissionPaused] ServiceReport admissionPaused
             * @property {number|null} [kvDemotions] ServiceReport kvDemotions
             * @property {boolean|null} [hasControl] ServiceReport hasControl
             * @property {boolean|null} [baselineMode] ServiceReport baselineMode
             * @property {number|null} [deltaPplEstimate] ServiceReport deltaPplEstimate
             * @property {number|null} [deltaPplTokens] ServiceReport deltaPplTokens
             * @property {Array.<inferos.v1.LoopStats.$Properties>|null} [loops] ServiceReport loops
             * @property {number|null} [cpuCores] ServiceReport cpuCores
             * @property {number|null} [rssBytes] ServiceReport rssBytes
             * @property {string|null} [provider] ServiceReport provider
             * @property {number|null} [maxBatch] ServiceReport maxBatch
             * @property {number|null} [restarts] ServiceReport restarts
             * @property {number|null} [pssBytes] ServiceReport pssBytes
             * @property {number|null} [weightsBytes] ServiceReport weightsBytes
             * @property {number|null} [kvBytesExact] ServiceReport kvBytesExact
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ServiceReport.
             * @memberof inferos.v1
             * @interface IServiceReport
             * @augments inferos.v1.ServiceReport.$Properties
             * @deprecated Use inferos.v1.ServiceReport.$Properties instead.
             */

            /**
             * Shape of a ServiceReport.
             * @typedef {inferos.v1.ServiceReport.$Properties} inferos.v1.ServiceReport.$Shape
             */

            /**
             * Constructs a new ServiceReport.
             * @memberof inferos.v1
             * @classdesc Represents a ServiceReport.
             * @constructor
             * @param {inferos.v1.ServiceReport.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ServiceReport = function (properties) {
                this.loops = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ServiceReport schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.schemaVersion = 0;

            /**
             * ServiceReport service.
             * @member {string} service
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.service = "";

            /**
             * ServiceReport instance.
             * @member {string} instance
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.instance = "";

            /**
             * ServiceReport model.
             * @member {string} model
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.model = "";

            /**
             * ServiceReport timeMs.
             * @member {number} timeMs
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.timeMs = 0;

            /**
             * ServiceReport policyVersion.
             * @member {number} policyVersion
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.policyVersion = 0;

            /**
             * ServiceReport hasRequests.
             * @member {boolean} hasRequests
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.hasRequests = false;

            /**
             * ServiceReport requestsRunning.
             * @member {number} requestsRunning
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.requestsRunning = 0;

            /**
             * ServiceReport requestsWaiting.
             * @member {number} requestsWaiting
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.requestsWaiting = 0;

            /**
             * ServiceReport hasKv.
             * @member {boolean} hasKv
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.hasKv = false;

            /**
             * ServiceReport kvBudgetBytes.
             * @member {number} kvBudgetBytes
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.kvBudgetBytes = 0;

            /**
             * ServiceReport kvUsedBytes.
             * @member {number} kvUsedBytes
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.kvUsedBytes = 0;

            /**
             * ServiceReport kvReservedBytes.
             * @member {number} kvReservedBytes
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.kvReservedBytes = 0;

            /**
             * ServiceReport kvBytesF32.
             * @member {number} kvBytesF32
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.kvBytesF32 = 0;

            /**
             * ServiceReport kvBytesF16.
             * @member {number} kvBytesF16
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.kvBytesF16 = 0;

            /**
             * ServiceReport kvBytesInt8.
             * @member {number} kvBytesInt8
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.kvBytesInt8 = 0;

            /**
             * ServiceReport kvBytesInt4.
             * @member {number} kvBytesInt4
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.kvBytesInt4 = 0;

            /**
             * ServiceReport kvSequences.
             * @member {number} kvSequences
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.kvSequences = 0;

            /**
             * ServiceReport admissionPaused.
             * @member {boolean} admissionPaused
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.admissionPaused = false;

            /**
             * ServiceReport kvDemotions.
             * @member {number} kvDemotions
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.kvDemotions = 0;

            /**
             * ServiceReport hasControl.
             * @member {boolean} hasControl
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.hasControl = false;

            /**
             * ServiceReport baselineMode.
             * @member {boolean} baselineMode
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.baselineMode = false;

            /**
             * ServiceReport deltaPplEstimate.
             * @member {number} deltaPplEstimate
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.deltaPplEstimate = 0;

            /**
             * ServiceReport deltaPplTokens.
             * @member {number} deltaPplTokens
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.deltaPplTokens = 0;

            /**
             * ServiceReport loops.
             * @member {Array.<inferos.v1.LoopStats.$Properties>} loops
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.loops = $util.emptyArray;

            /**
             * ServiceReport cpuCores.
             * @member {number} cpuCores
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.cpuCores = 0;

            /**
             * ServiceReport rssBytes.
             * @member {number} rssBytes
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.rssBytes = 0;

            /**
             * ServiceReport provider.
             * @member {string} provider
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.provider = "";

            /**
             * ServiceReport maxBatch.
             * @member {number} maxBatch
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.maxBatch = 0;

            /**
             * ServiceReport restarts.
             * @member {number} restarts
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.restarts = 0;

            /**
             * ServiceReport pssBytes.
             * @member {number} pssBytes
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.pssBytes = 0;

            /**
             * ServiceReport weightsBytes.
             * @member {number} weightsBytes
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.weightsBytes = 0;

            /**
             * ServiceReport kvBytesExact.
             * @member {number} kvBytesExact
             * @memberof inferos.v1.ServiceReport
             * @instance
             */
            ServiceReport.prototype.kvBytesExact = 0;

            /**
             * Creates a new ServiceReport instance using the specified properties.
             * @function create
             * @memberof inferos.v1.ServiceReport
             * @static
             * @param {inferos.v1.ServiceReport.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.ServiceReport} ServiceReport instance
             * @type {{
             *   (properties: inferos.v1.ServiceReport.$Shape): inferos.v1.ServiceReport & inferos.v1.ServiceReport.$Shape;
             *   (properties?: inferos.v1.ServiceReport.$Properties): inferos.v1.ServiceReport;
             * }}
             */
            ServiceReport.create = function(properties) {
                return new ServiceReport(properties);
            };

            /**
             * Encodes the specified ServiceReport message. Does not implicitly {@link inferos.v1.ServiceReport.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.ServiceReport
             * @static
             * @param {inferos.v1.ServiceReport.$Properties} message ServiceReport message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ServiceReport.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.service);
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance") && message.instance !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.instance);
                if (message.model != null && $Object.hasOwnProperty.call(message, "model") && message.model !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.model);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.timeMs);
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion") && message.policyVersion !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.policyVersion);
                if (message.hasRequests != null && $Object.hasOwnProperty.call(message, "hasRequests") && message.hasRequests !== false)
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.hasRequests);
                if (message.requestsRunning != null && $Object.hasOwnProperty.call(message, "requestsRunning") && message.requestsRunning !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.requestsRunning);
                if (message.requestsWaiting != null && $Object.hasOwnProperty.call(message, "requestsWaiting") && message.requestsWaiting !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.requestsWaiting);
                if (message.hasKv != null && $Object.hasOwnProperty.call(message, "hasKv") && message.hasKv !== false)
                    writer.uint32(/* id 10, wireType 0 =*/80).bool(message.hasKv);
                if (message.kvBudgetBytes != null && $Object.hasOwnProperty.call(message, "kvBudgetBytes") && !$Object.is(message.kvBudgetBytes, 0))
                    writer.uint32(/* id 11, wireType 1 =*/89).double(message.kvBudgetBytes);
                if (message.kvUsedBytes != null && $Object.hasOwnProperty.call(message, "kvUsedBytes") && !$Object.is(message.kvUsedBytes, 0))
                    writer.uint32(/* id 12, wireType 1 =*/97).double(message.kvUsedBytes);
                if (message.kvReservedBytes != null && $Object.hasOwnProperty.call(message, "kvReservedBytes") && !$Object.is(message.kvReservedBytes, 0))
                    writer.uint32(/* id 13, wireType 1 =*/105).double(message.kvReservedBytes);
                if (message.kvBytesF32 != null && $Object.hasOwnProperty.call(message, "kvBytesF32") && !$Object.is(message.kvBytesF32, 0))
                    writer.uint32(/* id 14, wireType 1 =*/113).double(message.kvBytesF32);
                if (message.kvBytesF16 != null && $Object.hasOwnProperty.call(message, "kvBytesF16") && !$Object.is(message.kvBytesF16, 0))
                    writer.uint32(/* id 15, wireType 1 =*/121).double(message.kvBytesF16);
                if (message.kvBytesInt8 != null && $Object.hasOwnProperty.call(message, "kvBytesInt8") && !$Object.is(message.kvBytesInt8, 0))
                    writer.uint32(/* id 16, wireType 1 =*/129).double(message.kvBytesInt8);
                if (message.kvBytesInt4 != null && $Object.hasOwnProperty.call(message, "kvBytesInt4") && !$Object.is(message.kvBytesInt4, 0))
                    writer.uint32(/* id 17, wireType 1 =*/137).double(message.kvBytesInt4);
                if (message.kvSequences != null && $Object.hasOwnProperty.call(message, "kvSequences") && message.kvSequences !== 0)
                    writer.uint32(/* id 18, wireType 0 =*/144).uint32(message.kvSequences);
                if (message.admissionPaused != null && $Object.hasOwnProperty.call(message, "admissionPaused") && message.admissionPaused !== false)
                    writer.uint32(/* id 19, wireType 0 =*/152).bool(message.admissionPaused);
                if (message.kvDemotions != null && $Object.hasOwnProperty.call(message, "kvDemotions") && !$Object.is(message.kvDemotions, 0))
                    writer.uint32(/* id 20, wireType 1 =*/161).double(message.kvDemotions);
                if (message.hasControl != null && $Object.hasOwnProperty.call(message, "hasControl") && message.hasControl !== false)
                    writer.uint32(/* id 21, wireType 0 =*/168).bool(message.hasControl);
                if (message.baselineMode != null && $Object.hasOwnProperty.call(message, "baselineMode") && message.baselineMode !== false)
                    writer.uint32(/* id 22, wireType 0 =*/176).bool(message.baselineMode);
                if (message.deltaPplEstimate != null && $Object.hasOwnProperty.call(message, "deltaPplEstimate") && !$Object.is(message.deltaPplEstimate, 0))
                    writer.uint32(/* id 23, wireType 1 =*/185).double(message.deltaPplEstimate);
                if (message.deltaPplTokens != null && $Object.hasOwnProperty.call(message, "deltaPplTokens") && !$Object.is(message.deltaPplTokens, 0))
                    writer.uint32(/* id 24, wireType 1 =*/193).double(message.deltaPplTokens);
                if (message.loops != null && message.loops.length)
                    for (let i = 0; i < message.loops.length; ++i)
                        $root.inferos.v1.LoopStats.encode(message.loops[i], writer.uint32(/* id 25, wireType 2 =*/202).fork(), _depth + 1).ldelim();
                if (message.cpuCores != null && $Object.hasOwnProperty.call(message, "cpuCores") && !$Object.is(message.cpuCores, 0))
                    writer.uint32(/* id 26, wireType 1 =*/209).double(message.cpuCores);
                if (message.rssBytes != null && $Object.hasOwnProperty.call(message, "rssBytes") && !$Object.is(message.rssBytes, 0))
                    writer.uint32(/* id 27, wireType 1 =*/217).double(message.rssBytes);
                if (message.provider != null && $Object.hasOwnProperty.call(message, "provider") && message.provider !== "")
                    writer.uint32(/* id 28, wireType 2 =*/226).string(message.provider);
                if (message.maxBatch != null && $Object.hasOwnProperty.call(message, "maxBatch") && message.maxBatch !== 0)
                    writer.uint32(/* id 29, wireType 0 =*/232).uint32(message.maxBatch);
                if (message.restarts != null && $Object.hasOwnProperty.call(message, "restarts") && message.restarts !== 0)
                    writer.uint32(/* id 30, wireType 0 =*/240).uint32(message.restarts);
                if (message.pssBytes != null && $Object.hasOwnProperty.call(message, "pssBytes") && !$Object.is(message.pssBytes, 0))
                    writer.uint32(/* id 31, wireType 1 =*/249).double(message.pssBytes);
                if (message.weightsBytes != null && $Object.hasOwnProperty.call(message, "weightsBytes") && !$Object.is(message.weightsBytes, 0))
                    writer.uint32(/* id 32, wireType 1 =*/257).double(message.weightsBytes);
                if (message.kvBytesExact != null && $Object.hasOwnProperty.call(message, "kvBytesExact") && !$Object.is(message.kvBytesExact, 0))
                    writer.uint32(/* id 33, wireType 1 =*/265).double(message.kvBytesExact);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ServiceReport message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.ServiceReport
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.ServiceReport & inferos.v1.ServiceReport.$Shape} ServiceReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ServiceReport.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.ServiceReport();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.service = value;
                            else
                                delete message.service;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instance = value;
                            else
                                delete message.instance;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.model = value;
                            else
                                delete message.model;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.policyVersion = value;
                            else
                                delete message.policyVersion;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.hasRequests = value;
                            else
                                delete message.hasRequests;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.requestsRunning = value;
                            else
                                delete message.requestsRunning;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.requestsWaiting = value;
                            else
                                delete message.requestsWaiting;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.hasKv = value;
                            else
                                delete message.hasKv;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.kvBudgetBytes = value;
                            else
                                delete message.kvBudgetBytes;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.kvUsedBytes = value;
                            else
                                delete message.kvUsedBytes;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.kvReservedBytes = value;
                            else
                                delete message.kvReservedBytes;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.kvBytesF32 = value;
                            else
                                delete message.kvBytesF32;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.kvBytesF16 = value;
                            else
                                delete message.kvBytesF16;
                            continue;
                        }
                    case 16: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.kvBytesInt8 = value;
                            else
                                delete message.kvBytesInt8;
                            continue;
                        }
                    case 17: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.kvBytesInt4 = value;
                            else
                                delete message.kvBytesInt4;
                            continue;
                        }
                    case 18: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.kvSequences = value;
                            else
                                delete message.kvSequences;
                            continue;
                        }
                    case 19: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.admissionPaused = value;
                            else
                                delete message.admissionPaused;
                            continue;
                        }
                    case 20: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.kvDemotions = value;
                            else
                                delete message.kvDemotions;
                            continue;
                        }
                    case 21: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.hasControl = value;
                            else
                                delete message.hasControl;
                            continue;
                        }
                    case 22: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.baselineMode = value;
                            else
                                delete message.baselineMode;
                            continue;
                        }
                    case 23: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.deltaPplEstimate = value;
                            else
                                delete message.deltaPplEstimate;
                            continue;
                        }
                    case 24: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.deltaPplTokens = value;
                            else
                                delete message.deltaPplTokens;
                            continue;
                        }
                    case 25: {
                            if (wireType !== 2)
                                break;
                            if (!(message.loops && message.loops.length))
                                message.loops = [];
                            message.loops.push($root.inferos.v1.LoopStats.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 26: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.cpuCores = value;
                            else
                                delete message.cpuCores;
                            continue;
                        }
                    case 27: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.rssBytes = value;
                            else
                                delete message.rssBytes;
                            continue;
                        }
                    case 28: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.provider = value;
                            else
                                delete message.provider;
                            continue;
                        }
                    case 29: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxBatch = value;
                            else
                                delete message.maxBatch;
                            continue;
                        }
                    case 30: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.restarts = value;
                            else
                                delete message.restarts;
                            continue;
                        }
                    case 31: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.pssBytes = value;
                            else
                                delete message.pssBytes;
                            continue;
                        }
                    case 32: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.weightsBytes = value;
                            else
                                delete message.weightsBytes;
                            continue;
                        }
                    case 33: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.kvBytesExact = value;
                            else
                                delete message.kvBytesExact;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a ServiceReport message.
             * @function verify
             * @memberof inferos.v1.ServiceReport
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ServiceReport.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.service != null && $Object.hasOwnProperty.call(message, "service"))
                    if (!$util.isString(message.service))
                        return "service: string expected";
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance"))
                    if (!$util.isString(message.instance))
                        return "instance: string expected";
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    if (!$util.isString(message.model))
                        return "model: string expected";
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof message.timeMs !== "number")
                        return "timeMs: number expected";
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion"))
                    if (!$util.isInteger(message.policyVersion))
                        return "policyVersion: integer expected";
                if (message.hasRequests != null && $Object.hasOwnProperty.call(message, "hasRequests"))
                    if (typeof message.hasRequests !== "boolean")
                        return "hasRequests: boolean expected";
                if (message.requestsRunning != null && $Object.hasOwnProperty.call(message, "requestsRunning"))
                    if (!$util.isInteger(message.requestsRunning))
                        return "requestsRunning: integer expected";
                if (message.requestsWaiting != null && $Object.hasOwnProperty.call(message, "requestsWaiting"))
                    if (!$util.isInteger(message.requestsWaiting))
                        return "requestsWaiting: integer expected";
                if (message.hasKv != null && $Object.hasOwnProperty.call(message, "hasKv"))
                    if (typeof message.hasKv !== "boolean")
                        return "hasKv: boolean expected";
                if (message.kvBudgetBytes != null && $Object.hasOwnProperty.call(message, "kvBudgetBytes"))
                    if (typeof message.kvBudgetBytes !== "number")
                        return "kvBudgetBytes: number expected";
                if (message.kvUsedBytes != null && $Object.hasOwnProperty.call(message, "kvUsedBytes"))
                    if (typeof message.kvUsedBytes !== "number")
                        return "kvUsedBytes: number expected";
                if (message.kvReservedBytes != null && $Object.hasOwnProperty.call(message, "kvReservedBytes"))
                    if (typeof message.kvReservedBytes !== "number")
                        return "kvReservedBytes: number expected";
                if (message.kvBytesF32 != null && $Object.hasOwnProperty.call(message, "kvBytesF32"))
                    if (typeof message.kvBytesF32 !== "number")
                        return "kvBytesF32: number expected";
                if (message.kvBytesF16 != null && $Object.hasOwnProperty.call(message, "kvBytesF16"))
                    if (typeof message.kvBytesF16 !== "number")
                        return "kvBytesF16: number expected";
                if (message.kvBytesInt8 != null && $Object.hasOwnProperty.call(message, "kvBytesInt8"))
                    if (typeof message.kvBytesInt8 !== "number")
                        return "kvBytesInt8: number expected";
                if (message.kvBytesInt4 != null && $Object.hasOwnProperty.call(message, "kvBytesInt4"))
                    if (typeof message.kvBytesInt4 !== "number")
                        return "kvBytesInt4: number expected";
                if (message.kvSequences != null && $Object.hasOwnProperty.call(message, "kvSequences"))
                    if (!$util.isInteger(message.kvSequences))
                        return "kvSequences: integer expected";
                if (message.admissionPaused != null && $Object.hasOwnProperty.call(message, "admissionPaused"))
                    if (typeof message.admissionPaused !== "boolean")
                        return "admissionPaused: boolean expected";
                if (message.kvDemotions != null && $Object.hasOwnProperty.call(message, "kvDemotions"))
                    if (typeof message.kvDemotions !== "number")
                        return "kvDemotions: number expected";
                if (message.hasControl != null && $Object.hasOwnProperty.call(message, "hasControl"))
                    if (typeof message.hasControl !== "boolean")
                        return "hasControl: boolean expected";
                if (message.baselineMode != null && $Object.hasOwnProperty.call(message, "baselineMode"))
                    if (typeof message.baselineMode !== "boolean")
                        return "baselineMode: boolean expected";
                if (message.deltaPplEstimate != null && $Object.hasOwnProperty.call(message, "deltaPplEstimate"))
                    if (typeof message.deltaPplEstimate !== "number")
                        return "deltaPplEstimate: number expected";
                if (message.deltaPplTokens != null && $Object.hasOwnProperty.call(message, "deltaPplTokens"))
                    if (typeof message.deltaPplTokens !== "number")
                        return "deltaPplTokens: number expected";
                if (message.loops != null && $Object.hasOwnProperty.call(message, "loops")) {
                    if (!$Array.isArray(message.loops))
                        return "loops: array expected";
                    for (let i = 0; i < message.loops.length; ++i) {
                        let error = $root.inferos.v1.LoopStats.verify(message.loops[i], _depth + 1);
                        if (error)
                            return "loops." + error;
                    }
                }
                if (message.cpuCores != null && $Object.hasOwnProperty.call(message, "cpuCores"))
                    if (typeof message.cpuCores !== "number")
                        return "cpuCores: number expected";
                if (message.rssBytes != null && $Object.hasOwnProperty.call(message, "rssBytes"))
                    if (typeof message.rssBytes !== "number")
                        return "rssBytes: number expected";
                if (message.provider != null && $Object.hasOwnProperty.call(message, "provider"))
                    if (!$util.isString(message.provider))
                        return "provider: string expected";
                if (message.maxBatch != null && $Object.hasOwnProperty.call(message, "maxBatch"))
                    if (!$util.isInteger(message.maxBatch))
                        return "maxBatch: integer expected";
                if (message.restarts != null && $Object.hasOwnProperty.call(message, "restarts"))
                    if (!$util.isInteger(message.restarts))
                        return "restarts: integer expected";
                if (message.pssBytes != null && $Object.hasOwnProperty.call(message, "pssBytes"))
                    if (typeof message.pssBytes !== "number")
                        return "pssBytes: number expected";
                if (message.weightsBytes != null && $Object.hasOwnProperty.call(message, "weightsBytes"))
                    if (typeof message.weightsBytes !== "number")
                        return "weightsBytes: number expected";
                if (message.kvBytesExact != null && $Object.hasOwnProperty.call(message, "kvBytesExact"))
                    if (typeof message.kvBytesExact !== "number")
                        return "kvBytesExact: number expected";
                return null;
            };

            /**
             * Creates a ServiceReport message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.ServiceReport
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.ServiceReport} ServiceReport
             */
            ServiceReport.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.ServiceReport)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.ServiceReport: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.ServiceReport();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.service != null)
                    if (typeof object.service !== "string" || object.service.length)
                        message.service = $String(object.service);
                if (object.instance != null)
                    if (typeof object.instance !== "string" || object.instance.length)
                        message.instance = $String(object.instance);
                if (object.model != null)
                    if (typeof object.model !== "string" || object.model.length)
                        message.model = $String(object.model);
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                if (object.policyVersion != null)
                    if ($Number(object.policyVersion) !== 0)
                        message.policyVersion = object.policyVersion >>> 0;
                if (object.hasRequests != null)
                    if (object.hasRequests)
                        message.hasRequests = $Boolean(object.hasRequests);
                if (object.requestsRunning != null)
                    if ($Number(object.requestsRunning) !== 0)
                        message.requestsRunning = object.requestsRunning >>> 0;
                if (object.requestsWaiting != null)
                    if ($Number(object.requestsWaiting) !== 0)
                        message.requestsWaiting = object.requestsWaiting >>> 0;
                if (object.hasKv != null)
                    if (object.hasKv)
                        message.hasKv = $Boolean(object.hasKv);
                if (object.kvBudgetBytes != null)
                    if (!$Object.is($Number(object.kvBudgetBytes), 0))
                        message.kvBudgetBytes = $Number(object.kvBudgetBytes);
                if (object.kvUsedBytes != null)
                    if (!$Object.is($Number(object.kvUsedBytes), 0))
                        message.kvUsedBytes = $Number(object.kvUsedBytes);
                if (object.kvReservedBytes != null)
                    if (!$Object.is($Number(object.kvReservedBytes), 0))
                        message.kvReservedBytes = $Number(object.kvReservedBytes);
                if (object.kvBytesF32 != null)
                    if (!$Object.is($Number(object.kvBytesF32), 0))
                        message.kvBytesF32 = $Number(object.kvBytesF32);
                if (object.kvBytesF16 != null)
                    if (!$Object.is($Number(object.kvBytesF16), 0))
                        message.kvBytesF16 = $Number(object.kvBytesF16);
                if (object.kvBytesInt8 != null)
                    if (!$Object.is($Number(object.kvBytesInt8), 0))
                        message.kvBytesInt8 = $Number(object.kvBytesInt8);
                if (object.kvBytesInt4 != null)
                    if (!$Object.is($Number(object.kvBytesInt4), 0))
                        message.kvBytesInt4 = $Number(object.kvBytesInt4);
                if (object.kvSequences != null)
                    if ($Number(object.kvSequences) !== 0)
                        message.kvSequences = object.kvSequences >>> 0;
                if (object.admissionPaused != null)
                    if (object.admissionPaused)
                        message.admissionPaused = $Boolean(object.admissionPaused);
                if (object.kvDemotions != null)
                    if (!$Object.is($Number(object.kvDemotions), 0))
                        message.kvDemotions = $Number(object.kvDemotions);
                if (object.hasControl != null)
                    if (object.hasControl)
                        message.hasControl = $Boolean(object.hasControl);
                if (object.baselineMode != null)
                    if (object.baselineMode)
                        message.baselineMode = $Boolean(object.baselineMode);
                if (object.deltaPplEstimate != null)
                    if (!$Object.is($Number(object.deltaPplEstimate), 0))
                        message.deltaPplEstimate = $Number(object.deltaPplEstimate);
                if (object.deltaPplTokens != null)
                    if (!$Object.is($Number(object.deltaPplTokens), 0))
                        message.deltaPplTokens = $Number(object.deltaPplTokens);
                if (object.loops) {
                    if (!$Array.isArray(object.loops))
                        throw $TypeError(".inferos.v1.ServiceReport.loops: array expected");
                    message.loops = $Array(object.loops.length);
                    for (let i = 0; i < object.loops.length; ++i) {
                        if (!$util.isObject(object.loops[i]))
                            throw $TypeError(".inferos.v1.ServiceReport.loops: object expected");
                        message.loops[i] = $root.inferos.v1.LoopStats.fromObject(object.loops[i], _depth + 1);
                    }
                }
                if (object.cpuCores != null)
                    if (!$Object.is($Number(object.cpuCores), 0))
                        message.cpuCores = $Number(object.cpuCores);
                if (object.rssBytes != null)
                    if (!$Object.is($Number(object.rssBytes), 0))
                        message.rssBytes = $Number(object.rssBytes);
                if (object.provider != null)
                    if (typeof object.provider !== "string" || object.provider.length)
                        message.provider = $String(object.provider);
                if (object.maxBatch != null)
                    if ($Number(object.maxBatch) !== 0)
                        message.maxBatch = object.maxBatch >>> 0;
                if (object.restarts != null)
                    if ($Number(object.restarts) !== 0)
                        message.restarts = object.restarts >>> 0;
                if (object.pssBytes != null)
                    if (!$Object.is($Number(object.pssBytes), 0))
                        message.pssBytes = $Number(object.pssBytes);
                if (object.weightsBytes != null)
                    if (!$Object.is($Number(object.weightsBytes), 0))
                        message.weightsBytes = $Number(object.weightsBytes);
                if (object.kvBytesExact != null)
                    if (!$Object.is($Number(object.kvBytesExact), 0))
                        message.kvBytesExact = $Number(object.kvBytesExact);
                return message;
            };

            /**
             * Creates a plain object from a ServiceReport message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.ServiceReport
             * @static
             * @param {inferos.v1.ServiceReport} message ServiceReport
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ServiceReport.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.loops = [];
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.service = "";
                    object.instance = "";
                    object.model = "";
                    object.timeMs = 0;
                    object.policyVersion = 0;
                    object.hasRequests = false;
                    object.requestsRunning = 0;
                    object.requestsWaiting = 0;
                    object.hasKv = false;
                    object.kvBudgetBytes = 0;
                    object.kvUsedBytes = 0;
                    object.kvReservedBytes = 0;
                    object.kvBytesF32 = 0;
                    object.kvBytesF16 = 0;
                    object.kvBytesInt8 = 0;
                    object.kvBytesInt4 = 0;
                    object.kvSequences = 0;
                    object.admissionPaused = false;
                    object.kvDemotions = 0;
                    object.hasControl = false;
                    object.baselineMode = false;
                    object.deltaPplEstimate = 0;
                    object.deltaPplTokens = 0;
                    object.cpuCores = 0;
                    object.rssBytes = 0;
                    object.provider = "";
                    object.maxBatch = 0;
                    object.restarts = 0;
                    object.pssBytes = 0;
                    object.weightsBytes = 0;
                    object.kvBytesExact = 0;
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.service != null && $Object.hasOwnProperty.call(message, "service"))
                    object.service = message.service;
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance"))
                    object.instance = message.instance;
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    object.model = message.model;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion"))
                    object.policyVersion = message.policyVersion;
                if (message.hasRequests != null && $Object.hasOwnProperty.call(message, "hasRequests"))
                    object.hasRequests = message.hasRequests;
                if (message.requestsRunning != null && $Object.hasOwnProperty.call(message, "requestsRunning"))
                    object.requestsRunning = message.requestsRunning;
                if (message.requestsWaiting != null && $Object.hasOwnProperty.call(message, "requestsWaiting"))
                    object.requestsWaiting = message.requestsWaiting;
                if (message.hasKv != null && $Object.hasOwnProperty.call(message, "hasKv"))
                    object.hasKv = message.hasKv;
                if (message.kvBudgetBytes != null && $Object.hasOwnProperty.call(message, "kvBudgetBytes"))
                    object.kvBudgetBytes = options.json && !$isFinite(message.kvBudgetBytes) ? $String(message.kvBudgetBytes) : message.kvBudgetBytes;
                if (message.kvUsedBytes != null && $Object.hasOwnProperty.call(message, "kvUsedBytes"))
                    object.kvUsedBytes = options.json && !$isFinite(message.kvUsedBytes) ? $String(message.kvUsedBytes) : message.kvUsedBytes;
                if (message.kvReservedBytes != null && $Object.hasOwnProperty.call(message, "kvReservedBytes"))
                    object.kvReservedBytes = options.json && !$isFinite(message.kvReservedBytes) ? $String(message.kvReservedBytes) : message.kvReservedBytes;
                if (message.kvBytesF32 != null && $Object.hasOwnProperty.call(message, "kvBytesF32"))
                    object.kvBytesF32 = options.json && !$isFinite(message.kvBytesF32) ? $String(message.kvBytesF32) : message.kvBytesF32;
                if (message.kvBytesF16 != null && $Object.hasOwnProperty.call(message, "kvBytesF16"))
                    object.kvBytesF16 = options.json && !$isFinite(message.kvBytesF16) ? $String(message.kvBytesF16) : message.kvBytesF16;
                if (message.kvBytesInt8 != null && $Object.hasOwnProperty.call(message, "kvBytesInt8"))
                    object.kvBytesInt8 = options.json && !$isFinite(message.kvBytesInt8) ? $String(message.kvBytesInt8) : message.kvBytesInt8;
                if (message.kvBytesInt4 != null && $Object.hasOwnProperty.call(message, "kvBytesInt4"))
                    object.kvBytesInt4 = options.json && !$isFinite(message.kvBytesInt4) ? $String(message.kvBytesInt4) : message.kvBytesInt4;
                if (message.kvSequences != null && $Object.hasOwnProperty.call(message, "kvSequences"))
                    object.kvSequences = message.kvSequences;
                if (message.admissionPaused != null && $Object.hasOwnProperty.call(message, "admissionPaused"))
                    object.admissionPaused = message.admissionPaused;
                if (message.kvDemotions != null && $Object.hasOwnProperty.call(message, "kvDemotions"))
                    object.kvDemotions = options.json && !$isFinite(message.kvDemotions) ? $String(message.kvDemotions) : message.kvDemotions;
                if (message.hasControl != null && $Object.hasOwnProperty.call(message, "hasControl"))
                    object.hasControl = message.hasControl;
                if (message.baselineMode != null && $Object.hasOwnProperty.call(message, "baselineMode"))
                    object.baselineMode = message.baselineMode;
                if (message.deltaPplEstimate != null && $Object.hasOwnProperty.call(message, "deltaPplEstimate"))
                    object.deltaPplEstimate = options.json && !$isFinite(message.deltaPplEstimate) ? $String(message.deltaPplEstimate) : message.deltaPplEstimate;
                if (message.deltaPplTokens != null && $Object.hasOwnProperty.call(message, "deltaPplTokens"))
                    object.deltaPplTokens = options.json && !$isFinite(message.deltaPplTokens) ? $String(message.deltaPplTokens) : message.deltaPplTokens;
                if (message.loops && message.loops.length) {
                    object.loops = $Array(message.loops.length);
                    for (let j = 0; j < message.loops.length; ++j)
                        object.loops[j] = $root.inferos.v1.LoopStats.toObject(message.loops[j], options, _depth + 1);
                }
                if (message.cpuCores != null && $Object.hasOwnProperty.call(message, "cpuCores"))
                    object.cpuCores = options.json && !$isFinite(message.cpuCores) ? $String(message.cpuCores) : message.cpuCores;
                if (message.rssBytes != null && $Object.hasOwnProperty.call(message, "rssBytes"))
                    object.rssBytes = options.json && !$isFinite(message.rssBytes) ? $String(message.rssBytes) : message.rssBytes;
                if (message.provider != null && $Object.hasOwnProperty.call(message, "provider"))
                    object.provider = message.provider;
                if (message.maxBatch != null && $Object.hasOwnProperty.call(message, "maxBatch"))
                    object.maxBatch = message.maxBatch;
                if (message.restarts != null && $Object.hasOwnProperty.call(message, "restarts"))
                    object.restarts = message.restarts;
                if (message.pssBytes != null && $Object.hasOwnProperty.call(message, "pssBytes"))
                    object.pssBytes = options.json && !$isFinite(message.pssBytes) ? $String(message.pssBytes) : message.pssBytes;
                if (message.weightsBytes != null && $Object.hasOwnProperty.call(message, "weightsBytes"))
                    object.weightsBytes = options.json && !$isFinite(message.weightsBytes) ? $String(message.weightsBytes) : message.weightsBytes;
                if (message.kvBytesExact != null && $Object.hasOwnProperty.call(message, "kvBytesExact"))
                    object.kvBytesExact = options.json && !$isFinite(message.kvBytesExact) ? $String(message.kvBytesExact) : message.kvBytesExact;
                return object;
            };

            /**
             * Converts this ServiceReport to JSON.
             * @function toJSON
             * @memberof inferos.v1.ServiceReport
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ServiceReport.prototype.toJSON = function() {
                return ServiceReport.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ServiceReport
             * @function getTypeUrl
             * @memberof inferos.v1.ServiceReport
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ServiceReport.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.ServiceReport";
            };

            return ServiceReport;
        })();

        v1.QualityProbe = (function() {

            /**
             * Properties of a QualityProbe.
             * @typedef {Object} inferos.v1.QualityProbe.$Properties
             * @property {number|null} [schemaVersion] QualityProbe schemaVersion
             * @property {string|null} [requestId] QualityProbe requestId
             * @property {Array.<number>|null} [promptIds] QualityProbe promptIds
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a QualityProbe.
             * @memberof inferos.v1
             * @interface IQualityProbe
             * @augments inferos.v1.QualityProbe.$Properties
             * @deprecated Use inferos.v1.QualityProbe.$Properties instead.
             */

            /**
             * Shape of a QualityProbe.
             * @typedef {inferos.v1.QualityProbe.$Properties} inferos.v1.QualityProbe.$Shape
             */

            /**
             * Constructs a new QualityProbe.
             * @memberof inferos.v1
             * @classdesc Represents a QualityProbe.
             * @constructor
             * @param {inferos.v1.QualityProbe.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const QualityProbe = function (properties) {
                this.promptIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * QualityProbe schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.QualityProbe
             * @instance
             */
            QualityProbe.prototype.schemaVersion = 0;

            /**
             * QualityProbe requestId.
             * @member {string} requestId
             * @memberof inferos.v1.QualityProbe
             * @instance
             */
            QualityProbe.prototype.requestId = "";

            /**
             * QualityProbe promptIds.
             * @member {Array.<number>} promptIds
             * @memberof inferos.v1.QualityProbe
             * @instance
             */
            QualityProbe.prototype.promptIds = $util.emptyArray;

            /**
             * Creates a new QualityProbe instance using the specified properties.
             * @function create
             * @memberof inferos.v1.QualityProbe
             * @static
             * @param {inferos.v1.QualityProbe.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.QualityProbe} QualityProbe instance
             * @type {{
             *   (properties: inferos.v1.QualityProbe.$Shape): inferos.v1.QualityProbe & inferos.v1.QualityProbe.$Shape;
             *   (properties?: inferos.v1.QualityProbe.$Properties): inferos.v1.QualityProbe;
             * }}
             */
            QualityProbe.create = function(properties) {
                return new QualityProbe(properties);
            };

            /**
             * Encodes the specified QualityProbe message. Does not implicitly {@link inferos.v1.QualityProbe.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.QualityProbe
             * @static
             * @param {inferos.v1.QualityProbe.$Properties} message QualityProbe message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            QualityProbe.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.requestId);
                if (message.promptIds != null && message.promptIds.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).uint32s(message.promptIds);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a QualityProbe message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.QualityProbe
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.QualityProbe & inferos.v1.QualityProbe.$Shape} QualityProbe
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            QualityProbe.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.QualityProbe();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 3: {
                            if (wireType === 2) {
                                if (!(message.promptIds && message.promptIds.length))
                                    message.promptIds = [];
                                reader.uint32s(message.promptIds);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.promptIds && message.promptIds.length))
                                message.promptIds = [];
                            message.promptIds.push(reader.uint32());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a QualityProbe message.
             * @function verify
             * @memberof inferos.v1.QualityProbe
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            QualityProbe.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (!$util.isString(message.requestId))
                        return "requestId: string expected";
                if (message.promptIds != null && $Object.hasOwnProperty.call(message, "promptIds")) {
                    if (!$Array.isArray(message.promptIds))
                        return "promptIds: array expected";
                    for (let i = 0; i < message.promptIds.length; ++i)
                        if (!$util.isInteger(message.promptIds[i]))
                            return "promptIds: integer[] expected";
                }
                return null;
            };

            /**
             * Creates a QualityProbe message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.QualityProbe
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.QualityProbe} QualityProbe
             */
            QualityProbe.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.QualityProbe)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.QualityProbe: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.QualityProbe();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.requestId != null)
                    if (typeof object.requestId !== "string" || object.requestId.length)
                        message.requestId = $String(object.requestId);
                if (object.promptIds) {
                    if (!$Array.isArray(object.promptIds))
                        throw $TypeError(".inferos.v1.QualityProbe.promptIds: array expected");
                    message.promptIds = $Array(object.promptIds.length);
                    for (let i = 0; i < object.promptIds.length; ++i)
                        message.promptIds[i] = object.promptIds[i] >>> 0;
                }
                return message;
            };

            /**
             * Creates a plain object from a QualityProbe message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.QualityProbe
             * @static
             * @param {inferos.v1.QualityProbe} message QualityProbe
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            QualityProbe.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.promptIds = [];
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.requestId = "";
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    object.requestId = message.requestId;
                if (message.promptIds && message.promptIds.length) {
                    object.promptIds = $Array(message.promptIds.length);
                    for (let j = 0; j < message.promptIds.length; ++j)
                        object.promptIds[j] = message.promptIds[j];
                }
                return object;
            };

            /**
             * Converts this QualityProbe to JSON.
             * @function toJSON
             * @memberof inferos.v1.QualityProbe
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            QualityProbe.prototype.toJSON = function() {
                return QualityProbe.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for QualityProbe
             * @function getTypeUrl
             * @memberof inferos.v1.QualityProbe
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            QualityProbe.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.QualityProbe";
            };

            return QualityProbe;
        })();

        v1.CachePolicy = (function() {

            /**
             * Properties of a CachePolicy.
             * @typedef {Object} inferos.v1.CachePolicy.$Properties
             * @property {boolean|null} [fullPrecision] CachePolicy fullPrecision
             * @property {number|null} [sinks] CachePolicy sinks
             * @property {number|null} [window] CachePolicy window
             * @property {number|null} [groupSize] CachePolicy groupSize
             * @property {number|null} [int8] CachePolicy int8
             * @property {number|null} [int4] CachePolicy int4
             * @property {number|null} [evict] CachePolicy evict
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CachePolicy.
             * @memberof inferos.v1
             * @interface ICachePolicy
             * @augments inferos.v1.CachePolicy.$Properties
             * @deprecated Use inferos.v1.CachePolicy.$Properties instead.
             */

            /**
             * Shape of a CachePolicy.
             * @typedef {inferos.v1.CachePolicy.$Properties} inferos.v1.CachePolicy.$Shape
             */

            /**
             * Constructs a new CachePolicy.
             * @memberof inferos.v1
             * @classdesc Represents a CachePolicy.
             * @constructor
             * @param {inferos.v1.CachePolicy.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CachePolicy = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CachePolicy fullPrecision.
             * @member {boolean} fullPrecision
             * @memberof inferos.v1.CachePolicy
             * @instance
             */
            CachePolicy.prototype.fullPrecision = false;

            /**
             * CachePolicy sinks.
             * @member {number} sinks
             * @memberof inferos.v1.CachePolicy
             * @instance
             */
            CachePolicy.prototype.sinks = 0;

            /**
             * CachePolicy window.
             * @member {number} window
             * @memberof inferos.v1.CachePolicy
             * @instance
             */
            CachePolicy.prototype.window = 0;

            /**
             * CachePolicy groupSize.
             * @member {number} groupSize
             * @memberof inferos.v1.CachePolicy
             * @instance
             */
            CachePolicy.prototype.groupSize = 0;

            /**
             * CachePolicy int8.
             * @member {number} int8
             * @memberof inferos.v1.CachePolicy
             * @instance
             */
            CachePolicy.prototype.int8 = 0;

            /**
             * CachePolicy int4.
             * @member {number} int4
             * @memberof inferos.v1.CachePolicy
             * @instance
             */
            CachePolicy.prototype.int4 = 0;

            /**
             * CachePolicy evict.
             * @member {number} evict
             * @memberof inferos.v1.CachePolicy
             * @instance
             */
            CachePolicy.prototype.evict = 0;

            /**
             * Creates a new CachePolicy instance using the specified properties.
             * @function create
             * @memberof inferos.v1.CachePolicy
             * @static
             * @param {inferos.v1.CachePolicy.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.CachePolicy} CachePolicy instance
             * @type {{
             *   (properties: inferos.v1.CachePolicy.$Shape): inferos.v1.CachePolicy & inferos.v1.CachePolicy.$Shape;
             *   (properties?: inferos.v1.CachePolicy.$Properties): inferos.v1.CachePolicy;
             * }}
             */
            CachePolicy.create = function(properties) {
                return new CachePolicy(properties);
            };

            /**
             * Encodes the specified CachePolicy message. Does not implicitly {@link inferos.v1.CachePolicy.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.CachePolicy
             * @static
             * @param {inferos.v1.CachePolicy.$Properties} message CachePolicy message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CachePolicy.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.fullPrecision != null && $Object.hasOwnProperty.call(message, "fullPrecision") && message.fullPrecision !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.fullPrecision);
                if (message.sinks != null && $Object.hasOwnProperty.call(message, "sinks") && message.sinks !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.sinks);
                if (message.window != null && $Object.hasOwnProperty.call(message, "window") && message.window !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.window);
                if (message.groupSize != null && $Object.hasOwnProperty.call(message, "groupSize") && message.groupSize !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.groupSize);
                if (message.int8 != null && $Object.hasOwnProperty.call(message, "int8") && !$Object.is(message.int8, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.int8);
                if (message.int4 != null && $Object.hasOwnProperty.call(message, "int4") && !$Object.is(message.int4, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.int4);
                if (message.evict != null && $Object.hasOwnProperty.call(message, "evict") && !$Object.is(message.evict, 0))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.evict);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CachePolicy message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.CachePolicy
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.CachePolicy & inferos.v1.CachePolicy.$Shape} CachePolicy
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CachePolicy.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.CachePolicy();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.fullPrecision = value;
                            else
                                delete message.fullPrecision;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.sinks = value;
                            else
                                delete message.sinks;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.window = value;
                            else
                                delete message.window;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.groupSize = value;
                            else
                                delete message.groupSize;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.int8 = value;
                            else
                                delete message.int8;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.int4 = value;
                            else
                                delete message.int4;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.evict = value;
                            else
                                delete message.evict;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a CachePolicy message.
             * @function verify
             * @memberof inferos.v1.CachePolicy
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CachePolicy.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.fullPrecision != null && $Object.hasOwnProperty.call(message, "fullPrecision"))
                    if (typeof message.fullPrecision !== "boolean")
                        return "fullPrecision: boolean expected";
                if (message.sinks != null && $Object.hasOwnProperty.call(message, "sinks"))
                    if (!$util.isInteger(message.sinks))
                        return "sinks: integer expected";
                if (message.window != null && $Object.hasOwnProperty.call(message, "window"))
                    if (!$util.isInteger(message.window))
                        return "window: integer expected";
                if (message.groupSize != null && $Object.hasOwnProperty.call(message, "groupSize"))
                    if (!$util.isInteger(message.groupSize))
                        return "groupSize: integer expected";
                if (message.int8 != null && $Object.hasOwnProperty.call(message, "int8"))
                    if (typeof message.int8 !== "number")
                        return "int8: number expected";
                if (message.int4 != null && $Object.hasOwnProperty.call(message, "int4"))
                    if (typeof message.int4 !== "number")
                        return "int4: number expected";
                if (message.evict != null && $Object.hasOwnProperty.call(message, "evict"))
                    if (typeof message.evict !== "number")
                        return "evict: number expected";
                return null;
            };

            /**
             * Creates a CachePolicy message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.CachePolicy
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.CachePolicy} CachePolicy
             */
            CachePolicy.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.CachePolicy)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.CachePolicy: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.CachePolicy();
                if (object.fullPrecision != null)
                    if (object.fullPrecision)
                        message.fullPrecision = $Boolean(object.fullPrecision);
                if (object.sinks != null)
                    if ($Number(object.sinks) !== 0)
                        message.sinks = object.sinks >>> 0;
                if (object.window != null)
                    if ($Number(object.window) !== 0)
                        message.window = object.window >>> 0;
                if (object.groupSize != null)
                    if ($Number(object.groupSize) !== 0)
                        message.groupSize = object.groupSize >>> 0;
                if (object.int8 != null)
                    if (!$Object.is($Number(object.int8), 0))
                        message.int8 = $Number(object.int8);
                if (object.int4 != null)
                    if (!$Object.is($Number(object.int4), 0))
                        message.int4 = $Number(object.int4);
                if (object.evict != null)
                    if (!$Object.is($Number(object.evict), 0))
                        message.evict = $Number(object.evict);
                return message;
            };

            /**
             * Creates a plain object from a CachePolicy message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.CachePolicy
             * @static
             * @param {inferos.v1.CachePolicy} message CachePolicy
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CachePolicy.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.fullPrecision = false;
                    object.sinks = 0;
                    object.window = 0;
                    object.groupSize = 0;
                    object.int8 = 0;
                    object.int4 = 0;
                    object.evict = 0;
                }
                if (message.fullPrecision != null && $Object.hasOwnProperty.call(message, "fullPrecision"))
                    object.fullPrecision = message.fullPrecision;
                if (message.sinks != null && $Object.hasOwnProperty.call(message, "sinks"))
                    object.sinks = message.sinks;
                if (message.window != null && $Object.hasOwnProperty.call(message, "window"))
                    object.window = message.window;
                if (message.groupSize != null && $Object.hasOwnProperty.call(message, "groupSize"))
                    object.groupSize = message.groupSize;
                if (message.int8 != null && $Object.hasOwnProperty.call(message, "int8"))
                    object.int8 = options.json && !$isFinite(message.int8) ? $String(message.int8) : message.int8;
                if (message.int4 != null && $Object.hasOwnProperty.call(message, "int4"))
                    object.int4 = options.json && !$isFinite(message.int4) ? $String(message.int4) : message.int4;
                if (message.evict != null && $Object.hasOwnProperty.call(message, "evict"))
                    object.evict = options.json && !$isFinite(message.evict) ? $String(message.evict) : message.evict;
                return object;
            };

            /**
             * Converts this CachePolicy to JSON.
             * @function toJSON
             * @memberof inferos.v1.CachePolicy
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CachePolicy.prototype.toJSON = function() {
                return CachePolicy.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for CachePolicy
             * @function getTypeUrl
             * @memberof inferos.v1.CachePolicy
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CachePolicy.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.CachePolicy";
            };

            return CachePolicy;
        })();

        v1.QualityScoreRequest = (function() {

            /**
             * Properties of a QualityScoreRequest.
             * @typedef {Object} inferos.v1.QualityScoreRequest.$Properties
             * @property {number|null} [schemaVersion] QualityScoreRequest schemaVersion
             * @property {Array.<number>|null} [promptIds] QualityScoreRequest promptIds
             * @property {inferos.v1.CachePolicy.$Properties|null} [policy] QualityScoreRequest policy
             * @property {number|null} [policyVersion] QualityScoreRequest policyVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a QualityScoreRequest.
             * @memberof inferos.v1
             * @interface IQualityScoreRequest
             * @augments inferos.v1.QualityScoreRequest.$Properties
             * @deprecated Use inferos.v1.QualityScoreRequest.$Properties instead.
             */

            /**
             * Shape of a QualityScoreRequest.
             * @typedef {inferos.v1.QualityScoreRequest.$Properties} inferos.v1.QualityScoreRequest.$Shape
             */

            /**
             * Constructs a new QualityScoreRequest.
             * @memberof inferos.v1
             * @classdesc Represents a QualityScoreRequest.
             * @constructor
             * @param {inferos.v1.QualityScoreRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const QualityScoreRequest = function (properties) {
                this.promptIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * QualityScoreRequest schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.QualityScoreRequest
             * @instance
             */
            QualityScoreRequest.prototype.schemaVersion = 0;

            /**
             * QualityScoreRequest promptIds.
             * @member {Array.<number>} promptIds
             * @memberof inferos.v1.QualityScoreRequest
             * @instance
             */
            QualityScoreRequest.prototype.promptIds = $util.emptyArray;

            /**
             * QualityScoreRequest policy.
             * @member {inferos.v1.CachePolicy.$Properties|null|undefined} policy
             * @memberof inferos.v1.QualityScoreRequest
             * @instance
             */
            QualityScoreRequest.prototype.policy = null;

            /**
             * QualityScoreRequest policyVersion.
             * @member {number} policyVersion
             * @memberof inferos.v1.QualityScoreRequest
             * @instance
             */
            QualityScoreRequest.prototype.policyVersion = 0;

            /**
             * Creates a new QualityScoreRequest instance using the specified properties.
             * @function create
             * @memberof inferos.v1.QualityScoreRequest
             * @static
             * @param {inferos.v1.QualityScoreRequest.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.QualityScoreRequest} QualityScoreRequest instance
             * @type {{
             *   (properties: inferos.v1.QualityScoreRequest.$Shape): inferos.v1.QualityScoreRequest & inferos.v1.QualityScoreRequest.$Shape;
             *   (properties?: inferos.v1.QualityScoreRequest.$Properties): inferos.v1.QualityScoreRequest;
             * }}
             */
            QualityScoreRequest.create = function(properties) {
                return new QualityScoreRequest(properties);
            };

            /**
             * Encodes the specified QualityScoreRequest message. Does not implicitly {@link inferos.v1.QualityScoreRequest.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.QualityScoreRequest
             * @static
             * @param {inferos.v1.QualityScoreRequest.$Properties} message QualityScoreRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            QualityScoreRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.promptIds != null && message.promptIds.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).uint32s(message.promptIds);
                if (message.policy != null && $Object.hasOwnProperty.call(message, "policy"))
                    $root.inferos.v1.CachePolicy.encode(message.policy, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion") && message.policyVersion !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.policyVersion);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a QualityScoreRequest message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.QualityScoreRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.QualityScoreRequest & inferos.v1.QualityScoreRequest.$Shape} QualityScoreRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            QualityScoreRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.QualityScoreRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.promptIds && message.promptIds.length))
                                    message.promptIds = [];
                                reader.uint32s(message.promptIds);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.promptIds && message.promptIds.length))
                                message.promptIds = [];
                            message.promptIds.push(reader.uint32());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.policy = $root.inferos.v1.CachePolicy.decode(reader, reader.size(), $undefined, _depth + 1, message.policy);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.policyVersion = value;
                            else
                                delete message.policyVersion;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a QualityScoreRequest message.
             * @function verify
             * @memberof inferos.v1.QualityScoreRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            QualityScoreRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.promptIds != null && $Object.hasOwnProperty.call(message, "promptIds")) {
                    if (!$Array.isArray(message.promptIds))
                        return "promptIds: array expected";
                    for (let i = 0; i < message.promptIds.length; ++i)
                        if (!$util.isInteger(message.promptIds[i]))
                            return "promptIds: integer[] expected";
                }
                if (message.policy != null && $Object.hasOwnProperty.call(message, "policy")) {
                    let error = $root.inferos.v1.CachePolicy.verify(message.policy, _depth + 1);
                    if (error)
                        return "policy." + error;
                }
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion"))
                    if (!$util.isInteger(message.policyVersion))
                        return "policyVersion: integer expected";
                return null;
            };

            /**
             * Creates a QualityScoreRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.QualityScoreRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.QualityScoreRequest} QualityScoreRequest
             */
            QualityScoreRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.QualityScoreRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.QualityScoreRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.QualityScoreRequest();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.promptIds) {
                    if (!$Array.isArray(object.promptIds))
                        throw $TypeError(".inferos.v1.QualityScoreRequest.promptIds: array expected");
                    message.promptIds = $Array(object.promptIds.length);
                    for (let i = 0; i < object.promptIds.length; ++i)
                        message.promptIds[i] = object.promptIds[i] >>> 0;
                }
                if (object.policy != null) {
                    if (!$util.isObject(object.policy))
                        throw $TypeError(".inferos.v1.QualityScoreRequest.policy: object expected");
                    message.policy = $root.inferos.v1.CachePolicy.fromObject(object.policy, _depth + 1);
                }
                if (object.policyVersion != null)
                    if ($Number(object.policyVersion) !== 0)
                        message.policyVersion = object.policyVersion >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a QualityScoreRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.QualityScoreRequest
             * @static
             * @param {inferos.v1.QualityScoreRequest} message QualityScoreRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            QualityScoreRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.promptIds = [];
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.policy = null;
                    object.policyVersion = 0;
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.promptIds && message.promptIds.length) {
                    object.promptIds = $Array(message.promptIds.length);
                    for (let j = 0; j < message.promptIds.length; ++j)
                        object.promptIds[j] = message.promptIds[j];
                }
                if (message.policy != null && $Object.hasOwnProperty.call(message, "policy"))
                    object.policy = $root.inferos.v1.CachePolicy.toObject(message.policy, options, _depth + 1);
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion"))
                    object.policyVersion = message.policyVersion;
                return object;
            };

            /**
             * Converts this QualityScoreRequest to JSON.
             * @function toJSON
             * @memberof inferos.v1.QualityScoreRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            QualityScoreRequest.prototype.toJSON = function() {
                return QualityScoreRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for QualityScoreRequest
             * @function getTypeUrl
             * @memberof inferos.v1.QualityScoreRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            QualityScoreRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.QualityScoreRequest";
            };

            return QualityScoreRequest;
        })();

        v1.QualitySample = (function() {

            /**
             * Properties of a QualitySample.
             * @typedef {Object} inferos.v1.QualitySample.$Properties
             * @property {number|null} [schemaVersion] QualitySample schemaVersion
             * @property {string|null} [instance] QualitySample instance
             * @property {number|null} [tokens] QualitySample tokens
             * @property {number|null} [nllPolicy] QualitySample nllPolicy
             * @property {number|null} [nllBaseline] QualitySample nllBaseline
             * @property {number|null} [policyVersion] QualitySample policyVersion
             * @property {number|null} [timeMs] QualitySample timeMs
             * @property {string|null} [error] QualitySample error
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a QualitySample.
             * @memberof inferos.v1
             * @interface IQualitySample
             * @augments inferos.v1.QualitySample.$Properties
             * @deprecated Use inferos.v1.QualitySample.$Properties instead.
             */

            /**
             * Shape of a QualitySample.
             * @typedef {inferos.v1.QualitySample.$Properties} inferos.v1.QualitySample.$Shape
             */

            /**
             * Constructs a new QualitySample.
             * @memberof inferos.v1
             * @classdesc Represents a QualitySample.
             * @constructor
             * @param {inferos.v1.QualitySample.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const QualitySample = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * QualitySample schemaVersion.
             * @member {number} schemaVersion
             * @memberof inferos.v1.QualitySample
             * @instance
             */
            QualitySample.prototype.schemaVersion = 0;

            /**
             * QualitySample instance.
             * @member {string} instance
             * @memberof inferos.v1.QualitySample
             * @instance
             */
            QualitySample.prototype.instance = "";

            /**
             * QualitySample tokens.
             * @member {number} tokens
             * @memberof inferos.v1.QualitySample
             * @instance
             */
            QualitySample.prototype.tokens = 0;

            /**
             * QualitySample nllPolicy.
             * @member {number} nllPolicy
             * @memberof inferos.v1.QualitySample
             * @instance
             */
            QualitySample.prototype.nllPolicy = 0;

            /**
             * QualitySample nllBaseline.
             * @member {number} nllBaseline
             * @memberof inferos.v1.QualitySample
             * @instance
             */
            QualitySample.prototype.nllBaseline = 0;

            /**
             * QualitySample policyVersion.
             * @member {number} policyVersion
             * @memberof inferos.v1.QualitySample
             * @instance
             */
            QualitySample.prototype.policyVersion = 0;

            /**
             * QualitySample timeMs.
             * @member {number} timeMs
             * @memberof inferos.v1.QualitySample
             * @instance
             */
            QualitySample.prototype.timeMs = 0;

            /**
             * QualitySample error.
             * @member {string} error
             * @memberof inferos.v1.QualitySample
             * @instance
             */
            QualitySample.prototype.error = "";

            /**
             * Creates a new QualitySample instance using the specified properties.
             * @function create
             * @memberof inferos.v1.QualitySample
             * @static
             * @param {inferos.v1.QualitySample.$Properties=} [properties] Properties to set
             * @returns {inferos.v1.QualitySample} QualitySample instance
             * @type {{
             *   (properties: inferos.v1.QualitySample.$Shape): inferos.v1.QualitySample & inferos.v1.QualitySample.$Shape;
             *   (properties?: inferos.v1.QualitySample.$Properties): inferos.v1.QualitySample;
             * }}
             */
            QualitySample.create = function(properties) {
                return new QualitySample(properties);
            };

            /**
             * Encodes the specified QualitySample message. Does not implicitly {@link inferos.v1.QualitySample.verify|verify} messages.
             * @function encode
             * @memberof inferos.v1.QualitySample
             * @static
             * @param {inferos.v1.QualitySample.$Properties} message QualitySample message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            QualitySample.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance") && message.instance !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.instance);
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens") && message.tokens !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.tokens);
                if (message.nllPolicy != null && $Object.hasOwnProperty.call(message, "nllPolicy") && !$Object.is(message.nllPolicy, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.nllPolicy);
                if (message.nllBaseline != null && $Object.hasOwnProperty.call(message, "nllBaseline") && !$Object.is(message.nllBaseline, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.nllBaseline);
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion") && message.policyVersion !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.policyVersion);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.timeMs);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.error);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a QualitySample message from the specified reader or buffer.
             * @function decode
             * @memberof inferos.v1.QualitySample
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {inferos.v1.QualitySample & inferos.v1.QualitySample.$Shape} QualitySample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            QualitySample.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.inferos.v1.QualitySample();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instance = value;
                            else
                                delete message.instance;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tokens = value;
                            else
                                delete message.tokens;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.nllPolicy = value;
                            else
                                delete message.nllPolicy;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.nllBaseline = value;
                            else
                                delete message.nllBaseline;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.policyVersion = value;
                            else
                                delete message.policyVersion;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a QualitySample message.
             * @function verify
             * @memberof inferos.v1.QualitySample
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            QualitySample.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance"))
                    if (!$util.isString(message.instance))
                        return "instance: string expected";
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens"))
                    if (!$util.isInteger(message.tokens))
                        return "tokens: integer expected";
                if (message.nllPolicy != null && $Object.hasOwnProperty.call(message, "nllPolicy"))
                    if (typeof message.nllPolicy !== "number")
                        return "nllPolicy: number expected";
                if (message.nllBaseline != null && $Object.hasOwnProperty.call(message, "nllBaseline"))
                    if (typeof message.nllBaseline !== "number")
                        return "nllBaseline: number expected";
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion"))
                    if (!$util.isInteger(message.policyVersion))
                        return "policyVersion: integer expected";
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof message.timeMs !== "number")
                        return "timeMs: number expected";
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    if (!$util.isString(message.error))
                        return "error: string expected";
                return null;
            };

            /**
             * Creates a QualitySample message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof inferos.v1.QualitySample
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {inferos.v1.QualitySample} QualitySample
             */
            QualitySample.fromObject = function (object, _depth) {
                if (object instanceof $root.inferos.v1.QualitySample)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".inferos.v1.QualitySample: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.inferos.v1.QualitySample();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.instance != null)
                    if (typeof object.instance !== "string" || object.instance.length)
                        message.instance = $String(object.instance);
                if (object.tokens != null)
                    if ($Number(object.tokens) !== 0)
                        message.tokens = object.tokens >>> 0;
                if (object.nllPolicy != null)
                    if (!$Object.is($Number(object.nllPolicy), 0))
                        message.nllPolicy = $Number(object.nllPolicy);
                if (object.nllBaseline != null)
                    if (!$Object.is($Number(object.nllBaseline), 0))
                        message.nllBaseline = $Number(object.nllBaseline);
                if (object.policyVersion != null)
                    if ($Number(object.policyVersion) !== 0)
                        message.policyVersion = object.policyVersion >>> 0;
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                if (object.error != null)
                    if (typeof object.error !== "string" || object.error.length)
                        message.error = $String(object.error);
                return message;
            };

            /**
             * Creates a plain object from a QualitySample message. Also converts values to other types if specified.
             * @function toObject
             * @memberof inferos.v1.QualitySample
             * @static
             * @param {inferos.v1.QualitySample} message QualitySample
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            QualitySample.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.instance = "";
                    object.tokens = 0;
                    object.nllPolicy = 0;
                    object.nllBaseline = 0;
                    object.policyVersion = 0;
                    object.timeMs = 0;
                    object.error = "";
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance"))
                    object.instance = message.instance;
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens"))
                    object.tokens = message.tokens;
                if (message.nllPolicy != null && $Object.hasOwnProperty.call(message, "nllPolicy"))
                    object.nllPolicy = options.json && !$isFinite(message.nllPolicy) ? $String(message.nllPolicy) : message.nllPolicy;
                if (message.nllBaseline != null && $Object.hasOwnProperty.call(message, "nllBaseline"))
                    object.nllBaseline = options.json && !$isFinite(message.nllBaseline) ? $String(message.nllBaseline) : message.nllBaseline;
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion"))
                    object.policyVersion = message.policyVersion;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    object.error = message.error;
                return object;
            };

            /**
             * Converts this QualitySample to JSON.
             * @function toJSON
             * @memberof inferos.v1.QualitySample
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            QualitySample.prototype.toJSON = function() {
                return QualitySample.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for QualitySample
             * @function getTypeUrl
             * @memberof inferos.v1.QualitySample
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            QualitySample.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/inferos.v1.QualitySample";
            };

            return QualitySample;
        })();

        return v1;
    })();

    return inferos;
})();

export {
  $root as default
};
