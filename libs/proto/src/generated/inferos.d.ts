import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace inferos. */
export namespace inferos {

    /** Namespace v1. */
    namespace v1 {

        /** Tier enum. */
        enum Tier {

            /** TIER_UNSPECIFIED value */
            TIER_UNSPECIFIED = 0,

            /** TIER_F32 value */
            TIER_F32 = 1,

            /** TIER_F16 value */
            TIER_F16 = 2,

            /** TIER_INT8 value */
            TIER_INT8 = 3,

            /** TIER_INT4 value */
            TIER_INT4 = 4,

            /** TIER_STAGING value */
            TIER_STAGING = 5
        }

        /** Dtype enum. */
        enum Dtype {

            /** DTYPE_UNSPECIFIED value */
            DTYPE_UNSPECIFIED = 0,

            /** DTYPE_FLOAT32 value */
            DTYPE_FLOAT32 = 1,

            /** DTYPE_FLOAT16 value */
            DTYPE_FLOAT16 = 2,

            /** DTYPE_UINT8 value */
            DTYPE_UINT8 = 3
        }

        /**
         * Properties of a Segment.
         * @deprecated Use inferos.v1.Segment.$Properties instead.
         */
        interface ISegment extends inferos.v1.Segment.$Properties {
        }

        /** Represents a Segment. */
        class Segment {

            /**
             * Constructs a new Segment.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.Segment.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Segment name. */
            name: string;

            /** Segment bytes. */
            bytes: number;

            /**
             * Creates a new Segment instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Segment instance
             */
            static create(properties: inferos.v1.Segment.$Shape): inferos.v1.Segment & inferos.v1.Segment.$Shape;
            static create(properties?: inferos.v1.Segment.$Properties): inferos.v1.Segment;

            /**
             * Encodes the specified Segment message. Does not implicitly {@link inferos.v1.Segment.verify|verify} messages.
             * @param message Segment message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.Segment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Segment message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.Segment & inferos.v1.Segment.$Shape} Segment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.Segment & inferos.v1.Segment.$Shape;

            /**
             * Verifies a Segment message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Segment message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Segment
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.Segment;

            /**
             * Creates a plain object from a Segment message. Also converts values to other types if specified.
             * @param message Segment
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.Segment, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Segment to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Segment
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Segment {

            /** Properties of a Segment. */
            interface $Properties {

                /** Segment name */
                name?: (string|null);

                /** Segment bytes */
                bytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Segment. */
            type $Shape = inferos.v1.Segment.$Properties;
        }

        /**
         * Properties of a KvHandle.
         * @deprecated Use inferos.v1.KvHandle.$Properties instead.
         */
        interface IKvHandle extends inferos.v1.KvHandle.$Properties {
        }

        /** Represents a KvHandle. */
        class KvHandle {

            /**
             * Constructs a new KvHandle.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.KvHandle.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** KvHandle segment. */
            segment: number;

            /** KvHandle offset. */
            offset: number;

            /** KvHandle length. */
            length: number;

            /** KvHandle generation. */
            generation: number;

            /** KvHandle tier. */
            tier: inferos.v1.Tier;

            /**
             * Creates a new KvHandle instance using the specified properties.
             * @param [properties] Properties to set
             * @returns KvHandle instance
             */
            static create(properties: inferos.v1.KvHandle.$Shape): inferos.v1.KvHandle & inferos.v1.KvHandle.$Shape;
            static create(properties?: inferos.v1.KvHandle.$Properties): inferos.v1.KvHandle;

            /**
             * Encodes the specified KvHandle message. Does not implicitly {@link inferos.v1.KvHandle.verify|verify} messages.
             * @param message KvHandle message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.KvHandle.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a KvHandle message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.KvHandle & inferos.v1.KvHandle.$Shape} KvHandle
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.KvHandle & inferos.v1.KvHandle.$Shape;

            /**
             * Verifies a KvHandle message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a KvHandle message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns KvHandle
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.KvHandle;

            /**
             * Creates a plain object from a KvHandle message. Also converts values to other types if specified.
             * @param message KvHandle
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.KvHandle, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this KvHandle to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for KvHandle
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace KvHandle {

            /** Properties of a KvHandle. */
            interface $Properties {

                /** KvHandle segment */
                segment?: (number|null);

                /** KvHandle offset */
                offset?: (number|null);

                /** KvHandle length */
                length?: (number|null);

                /** KvHandle generation */
                generation?: (number|null);

                /** KvHandle tier */
                tier?: (inferos.v1.Tier|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a KvHandle. */
            type $Shape = inferos.v1.KvHandle.$Properties;
        }

        /**
         * Properties of a KvTensor.
         * @deprecated Use inferos.v1.KvTensor.$Properties instead.
         */
        interface IKvTensor extends inferos.v1.KvTensor.$Properties {
        }

        /** Represents a KvTensor. */
        class KvTensor {

            /**
             * Constructs a new KvTensor.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.KvTensor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** KvTensor name. */
            name: string;

            /** KvTensor layer. */
            layer: number;

            /** KvTensor dtype. */
            dtype: inferos.v1.Dtype;

            /** KvTensor dims. */
            dims: number[];

            /** KvTensor handle. */
            handle?: (inferos.v1.KvHandle.$Properties|null);

            /** KvTensor tokens. */
            tokens?: (number|null);

            /**
             * Creates a new KvTensor instance using the specified properties.
             * @param [properties] Properties to set
             * @returns KvTensor instance
             */
            static create(properties: inferos.v1.KvTensor.$Shape): inferos.v1.KvTensor & inferos.v1.KvTensor.$Shape;
            static create(properties?: inferos.v1.KvTensor.$Properties): inferos.v1.KvTensor;

            /**
             * Encodes the specified KvTensor message. Does not implicitly {@link inferos.v1.KvTensor.verify|verify} messages.
             * @param message KvTensor message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.KvTensor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a KvTensor message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.KvTensor & inferos.v1.KvTensor.$Shape} KvTensor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.KvTensor & inferos.v1.KvTensor.$Shape;

            /**
             * Verifies a KvTensor message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a KvTensor message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns KvTensor
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.KvTensor;

            /**
             * Creates a plain object from a KvTensor message. Also converts values to other types if specified.
             * @param message KvTensor
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.KvTensor, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this KvTensor to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for KvTensor
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace KvTensor {

            /** Properties of a KvTensor. */
            interface $Properties {

                /** KvTensor name */
                name?: (string|null);

                /** KvTensor layer */
                layer?: (number|null);

                /** KvTensor dtype */
                dtype?: (inferos.v1.Dtype|null);

                /** KvTensor dims */
                dims?: (number[]|null);

                /** KvTensor handle */
                handle?: (inferos.v1.KvHandle.$Properties|null);

                /** KvTensor tokens */
                tokens?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a KvTensor. */
            type $Shape = inferos.v1.KvTensor.$Properties;
        }

        /**
         * Properties of a SeqTable.
         * @deprecated Use inferos.v1.SeqTable.$Properties instead.
         */
        interface ISeqTable extends inferos.v1.SeqTable.$Properties {
        }

        /** Represents a SeqTable. */
        class SeqTable {

            /**
             * Constructs a new SeqTable.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.SeqTable.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SeqTable schemaVersion. */
            schemaVersion: number;

            /** SeqTable seqId. */
            seqId: string;

            /** SeqTable slot. */
            slot: number;

            /** SeqTable generation. */
            generation: number;

            /** SeqTable length. */
            length: number;

            /** SeqTable groupSize. */
            groupSize: number;

            /** SeqTable needsImportance. */
            needsImportance: boolean;

            /** SeqTable segments. */
            segments: inferos.v1.Segment.$Properties[];

            /** SeqTable tensors. */
            tensors: inferos.v1.KvTensor.$Properties[];

            /** SeqTable locks. */
            locks?: (inferos.v1.Segment.$Properties|null);

            /** SeqTable lockSlots. */
            lockSlots: number;

            /** SeqTable maxTokens. */
            maxTokens: number;

            /**
             * Creates a new SeqTable instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SeqTable instance
             */
            static create(properties: inferos.v1.SeqTable.$Shape): inferos.v1.SeqTable & inferos.v1.SeqTable.$Shape;
            static create(properties?: inferos.v1.SeqTable.$Properties): inferos.v1.SeqTable;

            /**
             * Encodes the specified SeqTable message. Does not implicitly {@link inferos.v1.SeqTable.verify|verify} messages.
             * @param message SeqTable message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.SeqTable.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SeqTable message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.SeqTable & inferos.v1.SeqTable.$Shape} SeqTable
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.SeqTable & inferos.v1.SeqTable.$Shape;

            /**
             * Verifies a SeqTable message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SeqTable message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SeqTable
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.SeqTable;

            /**
             * Creates a plain object from a SeqTable message. Also converts values to other types if specified.
             * @param message SeqTable
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.SeqTable, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SeqTable to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SeqTable
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SeqTable {

            /** Properties of a SeqTable. */
            interface $Properties {

                /** SeqTable schemaVersion */
                schemaVersion?: (number|null);

                /** SeqTable seqId */
                seqId?: (string|null);

                /** SeqTable slot */
                slot?: (number|null);

                /** SeqTable generation */
                generation?: (number|null);

                /** SeqTable length */
                length?: (number|null);

                /** SeqTable groupSize */
                groupSize?: (number|null);

                /** SeqTable needsImportance */
                needsImportance?: (boolean|null);

                /** SeqTable segments */
                segments?: (inferos.v1.Segment.$Properties[]|null);

                /** SeqTable tensors */
                tensors?: (inferos.v1.KvTensor.$Properties[]|null);

                /** SeqTable locks */
                locks?: (inferos.v1.Segment.$Properties|null);

                /** SeqTable lockSlots */
                lockSlots?: (number|null);

                /** SeqTable maxTokens */
                maxTokens?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SeqTable. */
            type $Shape = inferos.v1.SeqTable.$Properties;
        }

        /** OpenStatus enum. */
        enum OpenStatus {

            /** OPEN_STATUS_UNSPECIFIED value */
            OPEN_STATUS_UNSPECIFIED = 0,

            /** OPEN_STATUS_OK value */
            OPEN_STATUS_OK = 1,

            /** OPEN_STATUS_SATURATED value */
            OPEN_STATUS_SATURATED = 2,

            /** OPEN_STATUS_TOO_LARGE value */
            OPEN_STATUS_TOO_LARGE = 3,

            /** OPEN_STATUS_BAD_REQUEST value */
            OPEN_STATUS_BAD_REQUEST = 4
        }

        /**
         * Properties of a SeqOpenRequest.
         * @deprecated Use inferos.v1.SeqOpenRequest.$Properties instead.
         */
        interface ISeqOpenRequest extends inferos.v1.SeqOpenRequest.$Properties {
        }

        /** Represents a SeqOpenRequest. */
        class SeqOpenRequest {

            /**
             * Constructs a new SeqOpenRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.SeqOpenRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SeqOpenRequest schemaVersion. */
            schemaVersion: number;

            /** SeqOpenRequest requestId. */
            requestId: string;

            /** SeqOpenRequest policy. */
            policy: string;

            /** SeqOpenRequest promptTokens. */
            promptTokens: number;

            /** SeqOpenRequest maxTokens. */
            maxTokens: number;

            /**
             * Creates a new SeqOpenRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SeqOpenRequest instance
             */
            static create(properties: inferos.v1.SeqOpenRequest.$Shape): inferos.v1.SeqOpenRequest & inferos.v1.SeqOpenRequest.$Shape;
            static create(properties?: inferos.v1.SeqOpenRequest.$Properties): inferos.v1.SeqOpenRequest;

            /**
             * Encodes the specified SeqOpenRequest message. Does not implicitly {@link inferos.v1.SeqOpenRequest.verify|verify} messages.
             * @param message SeqOpenRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.SeqOpenRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SeqOpenRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.SeqOpenRequest & inferos.v1.SeqOpenRequest.$Shape} SeqOpenRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.SeqOpenRequest & inferos.v1.SeqOpenRequest.$Shape;

            /**
             * Verifies a SeqOpenRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SeqOpenRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SeqOpenRequest
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.SeqOpenRequest;

            /**
             * Creates a plain object from a SeqOpenRequest message. Also converts values to other types if specified.
             * @param message SeqOpenRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.SeqOpenRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SeqOpenRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SeqOpenRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SeqOpenRequest {

            /** Properties of a SeqOpenRequest. */
            interface $Properties {

                /** SeqOpenRequest schemaVersion */
                schemaVersion?: (number|null);

                /** SeqOpenRequest requestId */
                requestId?: (string|null);

                /** SeqOpenRequest policy */
                policy?: (string|null);

                /** SeqOpenRequest promptTokens */
                promptTokens?: (number|null);

                /** SeqOpenRequest maxTokens */
                maxTokens?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SeqOpenRequest. */
            type $Shape = inferos.v1.SeqOpenRequest.$Properties;
        }

        /**
         * Properties of a SeqOpenReply.
         * @deprecated Use inferos.v1.SeqOpenReply.$Properties instead.
         */
        interface ISeqOpenReply extends inferos.v1.SeqOpenReply.$Properties {
        }

        /** Represents a SeqOpenReply. */
        class SeqOpenReply {

            /**
             * Constructs a new SeqOpenReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.SeqOpenReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SeqOpenReply schemaVersion. */
            schemaVersion: number;

            /** SeqOpenReply status. */
            status: inferos.v1.OpenStatus;

            /** SeqOpenReply seqId. */
            seqId: string;

            /** SeqOpenReply message. */
            message: string;

            /** SeqOpenReply retryAfterMs. */
            retryAfterMs: number;

            /** SeqOpenReply reservedBytes. */
            reservedBytes: number;

            /** SeqOpenReply chunk. */
            chunk: number;

            /**
             * Creates a new SeqOpenReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SeqOpenReply instance
             */
            static create(properties: inferos.v1.SeqOpenReply.$Shape): inferos.v1.SeqOpenReply & inferos.v1.SeqOpenReply.$Shape;
            static create(properties?: inferos.v1.SeqOpenReply.$Properties): inferos.v1.SeqOpenReply;

            /**
             * Encodes the specified SeqOpenReply message. Does not implicitly {@link inferos.v1.SeqOpenReply.verify|verify} messages.
             * @param message SeqOpenReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.SeqOpenReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SeqOpenReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.SeqOpenReply & inferos.v1.SeqOpenReply.$Shape} SeqOpenReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.SeqOpenReply & inferos.v1.SeqOpenReply.$Shape;

            /**
             * Verifies a SeqOpenReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SeqOpenReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SeqOpenReply
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.SeqOpenReply;

            /**
             * Creates a plain object from a SeqOpenReply message. Also converts values to other types if specified.
             * @param message SeqOpenReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.SeqOpenReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SeqOpenReply to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SeqOpenReply
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SeqOpenReply {

            /** Properties of a SeqOpenReply. */
            interface $Properties {

                /** SeqOpenReply schemaVersion */
                schemaVersion?: (number|null);

                /** SeqOpenReply status */
                status?: (inferos.v1.OpenStatus|null);

                /** SeqOpenReply seqId */
                seqId?: (string|null);

                /** SeqOpenReply message */
                message?: (string|null);

                /** SeqOpenReply retryAfterMs */
                retryAfterMs?: (number|null);

                /** SeqOpenReply reservedBytes */
                reservedBytes?: (number|null);

                /** SeqOpenReply chunk */
                chunk?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SeqOpenReply. */
            type $Shape = inferos.v1.SeqOpenReply.$Properties;
        }

        /**
         * Properties of a SeqClaimRequest.
         * @deprecated Use inferos.v1.SeqClaimRequest.$Properties instead.
         */
        interface ISeqClaimRequest extends inferos.v1.SeqClaimRequest.$Properties {
        }

        /** Represents a SeqClaimRequest. */
        class SeqClaimRequest {

            /**
             * Constructs a new SeqClaimRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.SeqClaimRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SeqClaimRequest schemaVersion. */
            schemaVersion: number;

            /** SeqClaimRequest seqId. */
            seqId: string;

            /** SeqClaimRequest workerId. */
            workerId: string;

            /** SeqClaimRequest decodeJob. */
            decodeJob?: (inferos.v1.DecodeJob.$Properties|null);

            /** SeqClaimRequest prefillJob. */
            prefillJob?: (inferos.v1.PrefillJob.$Properties|null);

            /**
             * Creates a new SeqClaimRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SeqClaimRequest instance
             */
            static create(properties: inferos.v1.SeqClaimRequest.$Shape): inferos.v1.SeqClaimRequest & inferos.v1.SeqClaimRequest.$Shape;
            static create(properties?: inferos.v1.SeqClaimRequest.$Properties): inferos.v1.SeqClaimRequest;

            /**
             * Encodes the specified SeqClaimRequest message. Does not implicitly {@link inferos.v1.SeqClaimRequest.verify|verify} messages.
             * @param message SeqClaimRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.SeqClaimRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SeqClaimRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.SeqClaimRequest & inferos.v1.SeqClaimRequest.$Shape} SeqClaimRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.SeqClaimRequest & inferos.v1.SeqClaimRequest.$Shape;

            /**
             * Verifies a SeqClaimRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SeqClaimRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SeqClaimRequest
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.SeqClaimRequest;

            /**
             * Creates a plain object from a SeqClaimRequest message. Also converts values to other types if specified.
             * @param message SeqClaimRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.SeqClaimRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SeqClaimRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SeqClaimRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SeqClaimRequest {

            /** Properties of a SeqClaimRequest. */
            interface $Properties {

                /** SeqClaimRequest schemaVersion */
                schemaVersion?: (number|null);

                /** SeqClaimRequest seqId */
                seqId?: (string|null);

                /** SeqClaimRequest workerId */
                workerId?: (string|null);

                /** SeqClaimRequest decodeJob */
                decodeJob?: (inferos.v1.DecodeJob.$Properties|null);

                /** SeqClaimRequest prefillJob */
                prefillJob?: (inferos.v1.PrefillJob.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SeqClaimRequest. */
            type $Shape = inferos.v1.SeqClaimRequest.$Properties;
        }

        /** KvError enum. */
        enum KvError {

            /** KV_ERROR_UNSPECIFIED value */
            KV_ERROR_UNSPECIFIED = 0,

            /** KV_ERROR_NO_SEQUENCE value */
            KV_ERROR_NO_SEQUENCE = 1,

            /** KV_ERROR_NOT_OWNER value */
            KV_ERROR_NOT_OWNER = 2,

            /** KV_ERROR_STALE_STEP value */
            KV_ERROR_STALE_STEP = 3,

            /** KV_ERROR_REFUSED value */
            KV_ERROR_REFUSED = 4,

            /** KV_ERROR_BAD_REQUEST value */
            KV_ERROR_BAD_REQUEST = 5
        }

        /**
         * Properties of a SeqReply.
         * @deprecated Use inferos.v1.SeqReply.$Properties instead.
         */
        interface ISeqReply extends inferos.v1.SeqReply.$Properties {
        }

        /** Represents a SeqReply. */
        class SeqReply {

            /**
             * Constructs a new SeqReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.SeqReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SeqReply schemaVersion. */
            schemaVersion: number;

            /** SeqReply error. */
            error: string;

            /** SeqReply code. */
            code: inferos.v1.KvError;

            /** SeqReply table. */
            table?: (inferos.v1.SeqTable.$Properties|null);

            /** SeqReply grown. */
            grown?: (inferos.v1.SeqGrown.$Properties|null);

            /**
             * Creates a new SeqReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SeqReply instance
             */
            static create(properties: inferos.v1.SeqReply.$Shape): inferos.v1.SeqReply & inferos.v1.SeqReply.$Shape;
            static create(properties?: inferos.v1.SeqReply.$Properties): inferos.v1.SeqReply;

            /**
             * Encodes the specified SeqReply message. Does not implicitly {@link inferos.v1.SeqReply.verify|verify} messages.
             * @param message SeqReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.SeqReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SeqReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.SeqReply & inferos.v1.SeqReply.$Shape} SeqReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.SeqReply & inferos.v1.SeqReply.$Shape;

            /**
             * Verifies a SeqReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SeqReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SeqReply
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.SeqReply;

            /**
             * Creates a plain object from a SeqReply message. Also converts values to other types if specified.
             * @param message SeqReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.SeqReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SeqReply to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SeqReply
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SeqReply {

            /** Properties of a SeqReply. */
            interface $Properties {

                /** SeqReply schemaVersion */
                schemaVersion?: (number|null);

                /** SeqReply error */
                error?: (string|null);

                /** SeqReply code */
                code?: (inferos.v1.KvError|null);

                /** SeqReply table */
                table?: (inferos.v1.SeqTable.$Properties|null);

                /** SeqReply grown */
                grown?: (inferos.v1.SeqGrown.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SeqReply. */
            type $Shape = inferos.v1.SeqReply.$Properties;
        }

        /**
         * Properties of a SeqGrown.
         * @deprecated Use inferos.v1.SeqGrown.$Properties instead.
         */
        interface ISeqGrown extends inferos.v1.SeqGrown.$Properties {
        }

        /** Represents a SeqGrown. */
        class SeqGrown {

            /**
             * Constructs a new SeqGrown.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.SeqGrown.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SeqGrown generation. */
            generation: number;

            /** SeqGrown length. */
            length: number;

            /** SeqGrown tokens. */
            tokens: number;

            /**
             * Creates a new SeqGrown instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SeqGrown instance
             */
            static create(properties: inferos.v1.SeqGrown.$Shape): inferos.v1.SeqGrown & inferos.v1.SeqGrown.$Shape;
            static create(properties?: inferos.v1.SeqGrown.$Properties): inferos.v1.SeqGrown;

            /**
             * Encodes the specified SeqGrown message. Does not implicitly {@link inferos.v1.SeqGrown.verify|verify} messages.
             * @param message SeqGrown message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.SeqGrown.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SeqGrown message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.SeqGrown & inferos.v1.SeqGrown.$Shape} SeqGrown
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.SeqGrown & inferos.v1.SeqGrown.$Shape;

            /**
             * Verifies a SeqGrown message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SeqGrown message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SeqGrown
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.SeqGrown;

            /**
             * Creates a plain object from a SeqGrown message. Also converts values to other types if specified.
             * @param message SeqGrown
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.SeqGrown, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SeqGrown to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SeqGrown
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SeqGrown {

            /** Properties of a SeqGrown. */
            interface $Properties {

                /** SeqGrown generation */
                generation?: (number|null);

                /** SeqGrown length */
                length?: (number|null);

                /** SeqGrown tokens */
                tokens?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SeqGrown. */
            type $Shape = inferos.v1.SeqGrown.$Properties;
        }

        /**
         * Properties of a SeqStep.
         * @deprecated Use inferos.v1.SeqStep.$Properties instead.
         */
        interface ISeqStep extends inferos.v1.SeqStep.$Properties {
        }

        /** Represents a SeqStep. */
        class SeqStep {

            /**
             * Constructs a new SeqStep.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.SeqStep.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SeqStep seqId. */
            seqId: string;

            /** SeqStep tokens. */
            tokens: number;

            /** SeqStep generation. */
            generation: number;

            /** SeqStep staging. */
            staging?: (inferos.v1.Segment.$Properties|null);

            /** SeqStep stagingOffset. */
            stagingOffset: number;

            /** SeqStep stagingLength. */
            stagingLength: number;

            /** SeqStep progress. */
            progress?: (inferos.v1.DecodeProgress.$Properties|null);

            /**
             * Creates a new SeqStep instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SeqStep instance
             */
            static create(properties: inferos.v1.SeqStep.$Shape): inferos.v1.SeqStep & inferos.v1.SeqStep.$Shape;
            static create(properties?: inferos.v1.SeqStep.$Properties): inferos.v1.SeqStep;

            /**
             * Encodes the specified SeqStep message. Does not implicitly {@link inferos.v1.SeqStep.verify|verify} messages.
             * @param message SeqStep message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.SeqStep.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SeqStep message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.SeqStep & inferos.v1.SeqStep.$Shape} SeqStep
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.SeqStep & inferos.v1.SeqStep.$Shape;

            /**
             * Verifies a SeqStep message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SeqStep message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SeqStep
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.SeqStep;

            /**
             * Creates a plain object from a SeqStep message. Also converts values to other types if specified.
             * @param message SeqStep
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.SeqStep, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SeqStep to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SeqStep
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SeqStep {

            /** Properties of a SeqStep. */
            interface $Properties {

                /** SeqStep seqId */
                seqId?: (string|null);

                /** SeqStep tokens */
                tokens?: (number|null);

                /** SeqStep generation */
                generation?: (number|null);

                /** SeqStep staging */
                staging?: (inferos.v1.Segment.$Properties|null);

                /** SeqStep stagingOffset */
                stagingOffset?: (number|null);

                /** SeqStep stagingLength */
                stagingLength?: (number|null);

                /** SeqStep progress */
                progress?: (inferos.v1.DecodeProgress.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SeqStep. */
            type $Shape = inferos.v1.SeqStep.$Properties;
        }

        /**
         * Properties of a DecodeProgress.
         * @deprecated Use inferos.v1.DecodeProgress.$Properties instead.
         */
        interface IDecodeProgress extends inferos.v1.DecodeProgress.$Properties {
        }

        /** Represents a DecodeProgress. */
        class DecodeProgress {

            /**
             * Constructs a new DecodeProgress.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.DecodeProgress.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DecodeProgress nextToken. */
            nextToken: number;

            /** DecodeProgress generated. */
            generated: number;

            /** DecodeProgress draws. */
            draws: number;

            /**
             * Creates a new DecodeProgress instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DecodeProgress instance
             */
            static create(properties: inferos.v1.DecodeProgress.$Shape): inferos.v1.DecodeProgress & inferos.v1.DecodeProgress.$Shape;
            static create(properties?: inferos.v1.DecodeProgress.$Properties): inferos.v1.DecodeProgress;

            /**
             * Encodes the specified DecodeProgress message. Does not implicitly {@link inferos.v1.DecodeProgress.verify|verify} messages.
             * @param message DecodeProgress message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.DecodeProgress.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DecodeProgress message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.DecodeProgress & inferos.v1.DecodeProgress.$Shape} DecodeProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.DecodeProgress & inferos.v1.DecodeProgress.$Shape;

            /**
             * Verifies a DecodeProgress message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DecodeProgress message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DecodeProgress
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.DecodeProgress;

            /**
             * Creates a plain object from a DecodeProgress message. Also converts values to other types if specified.
             * @param message DecodeProgress
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.DecodeProgress, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DecodeProgress to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DecodeProgress
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DecodeProgress {

            /** Properties of a DecodeProgress. */
            interface $Properties {

                /** DecodeProgress nextToken */
                nextToken?: (number|null);

                /** DecodeProgress generated */
                generated?: (number|null);

                /** DecodeProgress draws */
                draws?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DecodeProgress. */
            type $Shape = inferos.v1.DecodeProgress.$Properties;
        }

        /**
         * Properties of a StepCommitRequest.
         * @deprecated Use inferos.v1.StepCommitRequest.$Properties instead.
         */
        interface IStepCommitRequest extends inferos.v1.StepCommitRequest.$Properties {
        }

        /** Represents a StepCommitRequest. */
        class StepCommitRequest {

            /**
             * Constructs a new StepCommitRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.StepCommitRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StepCommitRequest schemaVersion. */
            schemaVersion: number;

            /** StepCommitRequest workerId. */
            workerId: string;

            /** StepCommitRequest steps. */
            steps: inferos.v1.SeqStep.$Properties[];

            /**
             * Creates a new StepCommitRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StepCommitRequest instance
             */
            static create(properties: inferos.v1.StepCommitRequest.$Shape): inferos.v1.StepCommitRequest & inferos.v1.StepCommitRequest.$Shape;
            static create(properties?: inferos.v1.StepCommitRequest.$Properties): inferos.v1.StepCommitRequest;

            /**
             * Encodes the specified StepCommitRequest message. Does not implicitly {@link inferos.v1.StepCommitRequest.verify|verify} messages.
             * @param message StepCommitRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.StepCommitRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StepCommitRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.StepCommitRequest & inferos.v1.StepCommitRequest.$Shape} StepCommitRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.StepCommitRequest & inferos.v1.StepCommitRequest.$Shape;

            /**
             * Verifies a StepCommitRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a StepCommitRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns StepCommitRequest
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.StepCommitRequest;

            /**
             * Creates a plain object from a StepCommitRequest message. Also converts values to other types if specified.
             * @param message StepCommitRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.StepCommitRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StepCommitRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for StepCommitRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace StepCommitRequest {

            /** Properties of a StepCommitRequest. */
            interface $Properties {

                /** StepCommitRequest schemaVersion */
                schemaVersion?: (number|null);

                /** StepCommitRequest workerId */
                workerId?: (string|null);

                /** StepCommitRequest steps */
                steps?: (inferos.v1.SeqStep.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StepCommitRequest. */
            type $Shape = inferos.v1.StepCommitRequest.$Properties;
        }

        /**
         * Properties of a StepCommitReply.
         * @deprecated Use inferos.v1.StepCommitReply.$Properties instead.
         */
        interface IStepCommitReply extends inferos.v1.StepCommitReply.$Properties {
        }

        /** Represents a StepCommitReply. */
        class StepCommitReply {

            /**
             * Constructs a new StepCommitReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.StepCommitReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StepCommitReply schemaVersion. */
            schemaVersion: number;

            /** StepCommitReply results. */
            results: inferos.v1.SeqReply.$Properties[];

            /**
             * Creates a new StepCommitReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StepCommitReply instance
             */
            static create(properties: inferos.v1.StepCommitReply.$Shape): inferos.v1.StepCommitReply & inferos.v1.StepCommitReply.$Shape;
            static create(properties?: inferos.v1.StepCommitReply.$Properties): inferos.v1.StepCommitReply;

            /**
             * Encodes the specified StepCommitReply message. Does not implicitly {@link inferos.v1.StepCommitReply.verify|verify} messages.
             * @param message StepCommitReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.StepCommitReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StepCommitReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.StepCommitReply & inferos.v1.StepCommitReply.$Shape} StepCommitReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.StepCommitReply & inferos.v1.StepCommitReply.$Shape;

            /**
             * Verifies a StepCommitReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a StepCommitReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns StepCommitReply
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.StepCommitReply;

            /**
             * Creates a plain object from a StepCommitReply message. Also converts values to other types if specified.
             * @param message StepCommitReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.StepCommitReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StepCommitReply to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for StepCommitReply
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace StepCommitReply {

            /** Properties of a StepCommitReply. */
            interface $Properties {

                /** StepCommitReply schemaVersion */
                schemaVersion?: (number|null);

                /** StepCommitReply results */
                results?: (inferos.v1.SeqReply.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StepCommitReply. */
            type $Shape = inferos.v1.StepCommitReply.$Properties;
        }

        /**
         * Properties of a SeqFreeRequest.
         * @deprecated Use inferos.v1.SeqFreeRequest.$Properties instead.
         */
        interface ISeqFreeRequest extends inferos.v1.SeqFreeRequest.$Properties {
        }

        /** Represents a SeqFreeRequest. */
        class SeqFreeRequest {

            /**
             * Constructs a new SeqFreeRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.SeqFreeRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SeqFreeRequest schemaVersion. */
            schemaVersion: number;

            /** SeqFreeRequest seqId. */
            seqId: string;

            /** SeqFreeRequest reason. */
            reason: string;

            /**
             * Creates a new SeqFreeRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SeqFreeRequest instance
             */
            static create(properties: inferos.v1.SeqFreeRequest.$Shape): inferos.v1.SeqFreeRequest & inferos.v1.SeqFreeRequest.$Shape;
            static create(properties?: inferos.v1.SeqFreeRequest.$Properties): inferos.v1.SeqFreeRequest;

            /**
             * Encodes the specified SeqFreeRequest message. Does not implicitly {@link inferos.v1.SeqFreeRequest.verify|verify} messages.
             * @param message SeqFreeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.SeqFreeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SeqFreeRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.SeqFreeRequest & inferos.v1.SeqFreeRequest.$Shape} SeqFreeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.SeqFreeRequest & inferos.v1.SeqFreeRequest.$Shape;

            /**
             * Verifies a SeqFreeRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SeqFreeRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SeqFreeRequest
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.SeqFreeRequest;

            /**
             * Creates a plain object from a SeqFreeRequest message. Also converts values to other types if specified.
             * @param message SeqFreeRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.SeqFreeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SeqFreeRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SeqFreeRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SeqFreeRequest {

            /** Properties of a SeqFreeRequest. */
            interface $Properties {

                /** SeqFreeRequest schemaVersion */
                schemaVersion?: (number|null);

                /** SeqFreeRequest seqId */
                seqId?: (string|null);

                /** SeqFreeRequest reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SeqFreeRequest. */
            type $Shape = inferos.v1.SeqFreeRequest.$Properties;
        }

        /**
         * Properties of an Ack.
         * @deprecated Use inferos.v1.Ack.$Properties instead.
         */
        interface IAck extends inferos.v1.Ack.$Properties {
        }

        /** Represents an Ack. */
        class Ack {

            /**
             * Constructs a new Ack.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.Ack.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ack schemaVersion. */
            schemaVersion: number;

            /** Ack ok. */
            ok: boolean;

            /** Ack message. */
            message: string;

            /** Ack workerId. */
            workerId: string;

            /**
             * Creates a new Ack instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ack instance
             */
            static create(properties: inferos.v1.Ack.$Shape): inferos.v1.Ack & inferos.v1.Ack.$Shape;
            static create(properties?: inferos.v1.Ack.$Properties): inferos.v1.Ack;

            /**
             * Encodes the specified Ack message. Does not implicitly {@link inferos.v1.Ack.verify|verify} messages.
             * @param message Ack message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.Ack & inferos.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.Ack & inferos.v1.Ack.$Shape;

            /**
             * Verifies an Ack message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Ack message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Ack
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.Ack;

            /**
             * Creates a plain object from an Ack message. Also converts values to other types if specified.
             * @param message Ack
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.Ack, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Ack to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Ack
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ack {

            /** Properties of an Ack. */
            interface $Properties {

                /** Ack schemaVersion */
                schemaVersion?: (number|null);

                /** Ack ok */
                ok?: (boolean|null);

                /** Ack message */
                message?: (string|null);

                /** Ack workerId */
                workerId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Ack. */
            type $Shape = inferos.v1.Ack.$Properties;
        }

        /**
         * Properties of a Sampling.
         * @deprecated Use inferos.v1.Sampling.$Properties instead.
         */
        interface ISampling extends inferos.v1.Sampling.$Properties {
        }

        /** Represents a Sampling. */
        class Sampling {

            /**
             * Constructs a new Sampling.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.Sampling.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Sampling temperature. */
            temperature: number;

            /** Sampling topP. */
            topP: number;

            /** Sampling seed. */
            seed: number;

            /** Sampling draws. */
            draws: number;

            /** Sampling logprobs. */
            logprobs: boolean;

            /** Sampling topLogprobs. */
            topLogprobs: number;

            /**
             * Creates a new Sampling instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Sampling instance
             */
            static create(properties: inferos.v1.Sampling.$Shape): inferos.v1.Sampling & inferos.v1.Sampling.$Shape;
            static create(properties?: inferos.v1.Sampling.$Properties): inferos.v1.Sampling;

            /**
             * Encodes the specified Sampling message. Does not implicitly {@link inferos.v1.Sampling.verify|verify} messages.
             * @param message Sampling message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.Sampling.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Sampling message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.Sampling & inferos.v1.Sampling.$Shape} Sampling
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.Sampling & inferos.v1.Sampling.$Shape;

            /**
             * Verifies a Sampling message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Sampling message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Sampling
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.Sampling;

            /**
             * Creates a plain object from a Sampling message. Also converts values to other types if specified.
             * @param message Sampling
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.Sampling, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Sampling to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Sampling
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Sampling {

            /** Properties of a Sampling. */
            interface $Properties {

                /** Sampling temperature */
                temperature?: (number|null);

                /** Sampling topP */
                topP?: (number|null);

                /** Sampling seed */
                seed?: (number|null);

                /** Sampling draws */
                draws?: (number|null);

                /** Sampling logprobs */
                logprobs?: (boolean|null);

                /** Sampling topLogprobs */
                topLogprobs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Sampling. */
            type $Shape = inferos.v1.Sampling.$Properties;
        }

        /**
         * Properties of a TokenLogprob.
         * @deprecated Use inferos.v1.TokenLogprob.$Properties instead.
         */
        interface ITokenLogprob extends inferos.v1.TokenLogprob.$Properties {
        }

        /** Represents a TokenLogprob. */
        class TokenLogprob {

            /**
             * Constructs a new TokenLogprob.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.TokenLogprob.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TokenLogprob logprob. */
            logprob: number;

            /** TokenLogprob topIds. */
            topIds: number[];

            /** TokenLogprob topLogprobs. */
            topLogprobs: number[];

            /**
             * Creates a new TokenLogprob instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TokenLogprob instance
             */
            static create(properties: inferos.v1.TokenLogprob.$Shape): inferos.v1.TokenLogprob & inferos.v1.TokenLogprob.$Shape;
            static create(properties?: inferos.v1.TokenLogprob.$Properties): inferos.v1.TokenLogprob;

            /**
             * Encodes the specified TokenLogprob message. Does not implicitly {@link inferos.v1.TokenLogprob.verify|verify} messages.
             * @param message TokenLogprob message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.TokenLogprob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TokenLogprob message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.TokenLogprob & inferos.v1.TokenLogprob.$Shape} TokenLogprob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.TokenLogprob & inferos.v1.TokenLogprob.$Shape;

            /**
             * Verifies a TokenLogprob message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TokenLogprob message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TokenLogprob
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.TokenLogprob;

            /**
             * Creates a plain object from a TokenLogprob message. Also converts values to other types if specified.
             * @param message TokenLogprob
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.TokenLogprob, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TokenLogprob to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TokenLogprob
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TokenLogprob {

            /** Properties of a TokenLogprob. */
            interface $Properties {

                /** TokenLogprob logprob */
                logprob?: (number|null);

                /** TokenLogprob topIds */
                topIds?: (number[]|null);

                /** TokenLogprob topLogprobs */
                topLogprobs?: (number[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TokenLogprob. */
            type $Shape = inferos.v1.TokenLogprob.$Properties;
        }

        /**
         * Properties of a PrefillJob.
         * @deprecated Use inferos.v1.PrefillJob.$Properties instead.
         */
        interface IPrefillJob extends inferos.v1.PrefillJob.$Properties {
        }

        /** Represents a PrefillJob. */
        class PrefillJob {

            /**
             * Constructs a new PrefillJob.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.PrefillJob.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PrefillJob schemaVersion. */
            schemaVersion: number;

            /** PrefillJob requestId. */
            requestId: string;

            /** PrefillJob seqId. */
            seqId: string;

            /** PrefillJob promptIds. */
            promptIds: number[];

            /** PrefillJob maxTokens. */
            maxTokens: number;

            /** PrefillJob sampling. */
            sampling?: (inferos.v1.Sampling.$Properties|null);

            /** PrefillJob stopAtEos. */
            stopAtEos: boolean;

            /** PrefillJob streamSubject. */
            streamSubject: string;

            /** PrefillJob chunk. */
            chunk: number;

            /** PrefillJob echo. */
            echo: boolean;

            /**
             * Creates a new PrefillJob instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PrefillJob instance
             */
            static create(properties: inferos.v1.PrefillJob.$Shape): inferos.v1.PrefillJob & inferos.v1.PrefillJob.$Shape;
            static create(properties?: inferos.v1.PrefillJob.$Properties): inferos.v1.PrefillJob;

            /**
             * Encodes the specified PrefillJob message. Does not implicitly {@link inferos.v1.PrefillJob.verify|verify} messages.
             * @param message PrefillJob message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.PrefillJob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PrefillJob message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.PrefillJob & inferos.v1.PrefillJob.$Shape} PrefillJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.PrefillJob & inferos.v1.PrefillJob.$Shape;

            /**
             * Verifies a PrefillJob message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PrefillJob message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PrefillJob
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.PrefillJob;

            /**
             * Creates a plain object from a PrefillJob message. Also converts values to other types if specified.
             * @param message PrefillJob
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.PrefillJob, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PrefillJob to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PrefillJob
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PrefillJob {

            /** Properties of a PrefillJob. */
            interface $Properties {

                /** PrefillJob schemaVersion */
                schemaVersion?: (number|null);

                /** PrefillJob requestId */
                requestId?: (string|null);

                /** PrefillJob seqId */
                seqId?: (string|null);

                /** PrefillJob promptIds */
                promptIds?: (number[]|null);

                /** PrefillJob maxTokens */
                maxTokens?: (number|null);

                /** PrefillJob sampling */
                sampling?: (inferos.v1.Sampling.$Properties|null);

                /** PrefillJob stopAtEos */
                stopAtEos?: (boolean|null);

                /** PrefillJob streamSubject */
                streamSubject?: (string|null);

                /** PrefillJob chunk */
                chunk?: (number|null);

                /** PrefillJob echo */
                echo?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PrefillJob. */
            type $Shape = inferos.v1.PrefillJob.$Properties;
        }

        /**
         * Properties of a DecodeJob.
         * @deprecated Use inferos.v1.DecodeJob.$Properties instead.
         */
        interface IDecodeJob extends inferos.v1.DecodeJob.$Properties {
        }

        /** Represents a DecodeJob. */
        class DecodeJob {

            /**
             * Constructs a new DecodeJob.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.DecodeJob.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DecodeJob schemaVersion. */
            schemaVersion: number;

            /** DecodeJob requestId. */
            requestId: string;

            /** DecodeJob seqId. */
            seqId: string;

            /** DecodeJob nextToken. */
            nextToken: number;

            /** DecodeJob generated. */
            generated: number;

            /** DecodeJob maxTokens. */
            maxTokens: number;

            /** DecodeJob sampling. */
            sampling?: (inferos.v1.Sampling.$Properties|null);

            /** DecodeJob stopAtEos. */
            stopAtEos: boolean;

            /** DecodeJob streamSubject. */
            streamSubject: string;

            /** DecodeJob promptTokens. */
            promptTokens: number;

            /** DecodeJob resumed. */
            resumed: boolean;

            /**
             * Creates a new DecodeJob instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DecodeJob instance
             */
            static create(properties: inferos.v1.DecodeJob.$Shape): inferos.v1.DecodeJob & inferos.v1.DecodeJob.$Shape;
            static create(properties?: inferos.v1.DecodeJob.$Properties): inferos.v1.DecodeJob;

            /**
             * Encodes the specified DecodeJob message. Does not implicitly {@link inferos.v1.DecodeJob.verify|verify} messages.
             * @param message DecodeJob message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.DecodeJob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DecodeJob message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.DecodeJob & inferos.v1.DecodeJob.$Shape} DecodeJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.DecodeJob & inferos.v1.DecodeJob.$Shape;

            /**
             * Verifies a DecodeJob message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DecodeJob message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DecodeJob
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.DecodeJob;

            /**
             * Creates a plain object from a DecodeJob message. Also converts values to other types if specified.
             * @param message DecodeJob
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.DecodeJob, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DecodeJob to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DecodeJob
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DecodeJob {

            /** Properties of a DecodeJob. */
            interface $Properties {

                /** DecodeJob schemaVersion */
                schemaVersion?: (number|null);

                /** DecodeJob requestId */
                requestId?: (string|null);

                /** DecodeJob seqId */
                seqId?: (string|null);

                /** DecodeJob nextToken */
                nextToken?: (number|null);

                /** DecodeJob generated */
                generated?: (number|null);

                /** DecodeJob maxTokens */
                maxTokens?: (number|null);

                /** DecodeJob sampling */
                sampling?: (inferos.v1.Sampling.$Properties|null);

                /** DecodeJob stopAtEos */
                stopAtEos?: (boolean|null);

                /** DecodeJob streamSubject */
                streamSubject?: (string|null);

                /** DecodeJob promptTokens */
                promptTokens?: (number|null);

                /** DecodeJob resumed */
                resumed?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DecodeJob. */
            type $Shape = inferos.v1.DecodeJob.$Properties;
        }

        /**
         * Properties of a TokenChunk.
         * @deprecated Use inferos.v1.TokenChunk.$Properties instead.
         */
        interface ITokenChunk extends inferos.v1.TokenChunk.$Properties {
        }

        /** Represents a TokenChunk. */
        class TokenChunk {

            /**
             * Constructs a new TokenChunk.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.TokenChunk.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TokenChunk schemaVersion. */
            schemaVersion: number;

            /** TokenChunk requestId. */
            requestId: string;

            /** TokenChunk index. */
            index: number;

            /** TokenChunk tokenIds. */
            tokenIds: number[];

            /** TokenChunk done. */
            done: boolean;

            /** TokenChunk finishReason. */
            finishReason: string;

            /** TokenChunk errorCode. */
            errorCode: string;

            /** TokenChunk errorMessage. */
            errorMessage: string;

            /** TokenChunk promptTokens. */
            promptTokens: number;

            /** TokenChunk completionTokens. */
            completionTokens: number;

            /** TokenChunk workerId. */
            workerId: string;

            /** TokenChunk logprobs. */
            logprobs: inferos.v1.TokenLogprob.$Properties[];

            /** TokenChunk promptLogprobs. */
            promptLogprobs: inferos.v1.TokenLogprob.$Properties[];

            /**
             * Creates a new TokenChunk instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TokenChunk instance
             */
            static create(properties: inferos.v1.TokenChunk.$Shape): inferos.v1.TokenChunk & inferos.v1.TokenChunk.$Shape;
            static create(properties?: inferos.v1.TokenChunk.$Properties): inferos.v1.TokenChunk;

            /**
             * Encodes the specified TokenChunk message. Does not implicitly {@link inferos.v1.TokenChunk.verify|verify} messages.
             * @param message TokenChunk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.TokenChunk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TokenChunk message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.TokenChunk & inferos.v1.TokenChunk.$Shape} TokenChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.TokenChunk & inferos.v1.TokenChunk.$Shape;

            /**
             * Verifies a TokenChunk message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TokenChunk message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TokenChunk
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.TokenChunk;

            /**
             * Creates a plain object from a TokenChunk message. Also converts values to other types if specified.
             * @param message TokenChunk
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.TokenChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TokenChunk to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TokenChunk
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TokenChunk {

            /** Properties of a TokenChunk. */
            interface $Properties {

                /** TokenChunk schemaVersion */
                schemaVersion?: (number|null);

                /** TokenChunk requestId */
                requestId?: (string|null);

                /** TokenChunk index */
                index?: (number|null);

                /** TokenChunk tokenIds */
                tokenIds?: (number[]|null);

                /** TokenChunk done */
                done?: (boolean|null);

                /** TokenChunk finishReason */
                finishReason?: (string|null);

                /** TokenChunk errorCode */
                errorCode?: (string|null);

                /** TokenChunk errorMessage */
                errorMessage?: (string|null);

                /** TokenChunk promptTokens */
                promptTokens?: (number|null);

                /** TokenChunk completionTokens */
                completionTokens?: (number|null);

                /** TokenChunk workerId */
                workerId?: (string|null);

                /** TokenChunk logprobs */
                logprobs?: (inferos.v1.TokenLogprob.$Properties[]|null);

                /** TokenChunk promptLogprobs */
                promptLogprobs?: (inferos.v1.TokenLogprob.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TokenChunk. */
            type $Shape = inferos.v1.TokenChunk.$Properties;
        }

        /**
         * Properties of a Heartbeat.
         * @deprecated Use inferos.v1.Heartbeat.$Properties instead.
         */
        interface IHeartbeat extends inferos.v1.Heartbeat.$Properties {
        }

        /** Represents a Heartbeat. */
        class Heartbeat {

            /**
             * Constructs a new Heartbeat.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.Heartbeat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Heartbeat schemaVersion. */
            schemaVersion: number;

            /** Heartbeat workerId. */
            workerId: string;

            /** Heartbeat kind. */
            kind: string;

            /** Heartbeat pid. */
            pid: number;

            /** Heartbeat provider. */
            provider: string;

            /** Heartbeat providerPreference. */
            providerPreference: string[];

            /** Heartbeat running. */
            running: number;

            /** Heartbeat waiting. */
            waiting: number;

            /** Heartbeat seqIds. */
            seqIds: string[];

            /** Heartbeat tokensGenerated. */
            tokensGenerated: number;

            /** Heartbeat pidNamespace. */
            pidNamespace: string;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Heartbeat instance
             */
            static create(properties: inferos.v1.Heartbeat.$Shape): inferos.v1.Heartbeat & inferos.v1.Heartbeat.$Shape;
            static create(properties?: inferos.v1.Heartbeat.$Properties): inferos.v1.Heartbeat;

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link inferos.v1.Heartbeat.verify|verify} messages.
             * @param message Heartbeat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.Heartbeat & inferos.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.Heartbeat & inferos.v1.Heartbeat.$Shape;

            /**
             * Verifies a Heartbeat message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Heartbeat
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.Heartbeat;

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @param message Heartbeat
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.Heartbeat, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Heartbeat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Heartbeat
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Heartbeat {

            /** Properties of a Heartbeat. */
            interface $Properties {

                /** Heartbeat schemaVersion */
                schemaVersion?: (number|null);

                /** Heartbeat workerId */
                workerId?: (string|null);

                /** Heartbeat kind */
                kind?: (string|null);

                /** Heartbeat pid */
                pid?: (number|null);

                /** Heartbeat provider */
                provider?: (string|null);

                /** Heartbeat providerPreference */
                providerPreference?: (string[]|null);

                /** Heartbeat running */
                running?: (number|null);

                /** Heartbeat waiting */
                waiting?: (number|null);

                /** Heartbeat seqIds */
                seqIds?: (string[]|null);

                /** Heartbeat tokensGenerated */
                tokensGenerated?: (number|null);

                /** Heartbeat pidNamespace */
                pidNamespace?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Heartbeat. */
            type $Shape = inferos.v1.Heartbeat.$Properties;
        }

        /**
         * Properties of a SeqLost.
         * @deprecated Use inferos.v1.SeqLost.$Properties instead.
         */
        interface ISeqLost extends inferos.v1.SeqLost.$Properties {
        }

        /** Represents a SeqLost. */
        class SeqLost {

            /**
             * Constructs a new SeqLost.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.SeqLost.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SeqLost schemaVersion. */
            schemaVersion: number;

            /** SeqLost seqId. */
            seqId: string;

            /** SeqLost requestId. */
            requestId: string;

            /** SeqLost workerId. */
            workerId: string;

            /** SeqLost reason. */
            reason: string;

            /**
             * Creates a new SeqLost instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SeqLost instance
             */
            static create(properties: inferos.v1.SeqLost.$Shape): inferos.v1.SeqLost & inferos.v1.SeqLost.$Shape;
            static create(properties?: inferos.v1.SeqLost.$Properties): inferos.v1.SeqLost;

            /**
             * Encodes the specified SeqLost message. Does not implicitly {@link inferos.v1.SeqLost.verify|verify} messages.
             * @param message SeqLost message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.SeqLost.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SeqLost message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.SeqLost & inferos.v1.SeqLost.$Shape} SeqLost
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.SeqLost & inferos.v1.SeqLost.$Shape;

            /**
             * Verifies a SeqLost message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SeqLost message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SeqLost
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.SeqLost;

            /**
             * Creates a plain object from a SeqLost message. Also converts values to other types if specified.
             * @param message SeqLost
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.SeqLost, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SeqLost to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SeqLost
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SeqLost {

            /** Properties of a SeqLost. */
            interface $Properties {

                /** SeqLost schemaVersion */
                schemaVersion?: (number|null);

                /** SeqLost seqId */
                seqId?: (string|null);

                /** SeqLost requestId */
                requestId?: (string|null);

                /** SeqLost workerId */
                workerId?: (string|null);

                /** SeqLost reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SeqLost. */
            type $Shape = inferos.v1.SeqLost.$Properties;
        }

        /**
         * Properties of a HealthRequest.
         * @deprecated Use inferos.v1.HealthRequest.$Properties instead.
         */
        interface IHealthRequest extends inferos.v1.HealthRequest.$Properties {
        }

        /** Represents a HealthRequest. */
        class HealthRequest {

            /**
             * Constructs a new HealthRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.HealthRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HealthRequest schemaVersion. */
            schemaVersion: number;

            /**
             * Creates a new HealthRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HealthRequest instance
             */
            static create(properties: inferos.v1.HealthRequest.$Shape): inferos.v1.HealthRequest & inferos.v1.HealthRequest.$Shape;
            static create(properties?: inferos.v1.HealthRequest.$Properties): inferos.v1.HealthRequest;

            /**
             * Encodes the specified HealthRequest message. Does not implicitly {@link inferos.v1.HealthRequest.verify|verify} messages.
             * @param message HealthRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.HealthRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HealthRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.HealthRequest & inferos.v1.HealthRequest.$Shape} HealthRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.HealthRequest & inferos.v1.HealthRequest.$Shape;

            /**
             * Verifies a HealthRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a HealthRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HealthRequest
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.HealthRequest;

            /**
             * Creates a plain object from a HealthRequest message. Also converts values to other types if specified.
             * @param message HealthRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.HealthRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HealthRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for HealthRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace HealthRequest {

            /** Properties of a HealthRequest. */
            interface $Properties {

                /** HealthRequest schemaVersion */
                schemaVersion?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HealthRequest. */
            type $Shape = inferos.v1.HealthRequest.$Properties;
        }

        /**
         * Properties of a HealthReply.
         * @deprecated Use inferos.v1.HealthReply.$Properties instead.
         */
        interface IHealthReply extends inferos.v1.HealthReply.$Properties {
        }

        /** Represents a HealthReply. */
        class HealthReply {

            /**
             * Constructs a new HealthReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.HealthReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HealthReply schemaVersion. */
            schemaVersion: number;

            /** HealthReply service. */
            service: string;

            /** HealthReply instance. */
            instance: string;

            /** HealthReply ok. */
            ok: boolean;

            /** HealthReply detailJson. */
            detailJson: string;

            /**
             * Creates a new HealthReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HealthReply instance
             */
            static create(properties: inferos.v1.HealthReply.$Shape): inferos.v1.HealthReply & inferos.v1.HealthReply.$Shape;
            static create(properties?: inferos.v1.HealthReply.$Properties): inferos.v1.HealthReply;

            /**
             * Encodes the specified HealthReply message. Does not implicitly {@link inferos.v1.HealthReply.verify|verify} messages.
             * @param message HealthReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.HealthReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HealthReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.HealthReply & inferos.v1.HealthReply.$Shape} HealthReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.HealthReply & inferos.v1.HealthReply.$Shape;

            /**
             * Verifies a HealthReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a HealthReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HealthReply
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.HealthReply;

            /**
             * Creates a plain object from a HealthReply message. Also converts values to other types if specified.
             * @param message HealthReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.HealthReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HealthReply to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for HealthReply
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace HealthReply {

            /** Properties of a HealthReply. */
            interface $Properties {

                /** HealthReply schemaVersion */
                schemaVersion?: (number|null);

                /** HealthReply service */
                service?: (string|null);

                /** HealthReply instance */
                instance?: (string|null);

                /** HealthReply ok */
                ok?: (boolean|null);

                /** HealthReply detailJson */
                detailJson?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HealthReply. */
            type $Shape = inferos.v1.HealthReply.$Properties;
        }

        /**
         * Properties of a KvStats.
         * @deprecated Use inferos.v1.KvStats.$Properties instead.
         */
        interface IKvStats extends inferos.v1.KvStats.$Properties {
        }

        /** Represents a KvStats. */
        class KvStats {

            /**
             * Constructs a new KvStats.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.KvStats.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** KvStats schemaVersion. */
            schemaVersion: number;

            /** KvStats budgetBytes. */
            budgetBytes: number;

            /** KvStats usedBytes. */
            usedBytes: number;

            /** KvStats reservedBytes. */
            reservedBytes: number;

            /** KvStats sequences. */
            sequences: number;

            /** KvStats bytesF32. */
            bytesF32: number;

            /** KvStats bytesF16. */
            bytesF16: number;

            /** KvStats bytesInt8. */
            bytesInt8: number;

            /** KvStats bytesInt4. */
            bytesInt4: number;

            /** KvStats bytesFp16Equivalent. */
            bytesFp16Equivalent: number;

            /** KvStats segments. */
            segments: number;

            /** KvStats peakUsedBytes. */
            peakUsedBytes: number;

            /** KvStats peakSequences. */
            peakSequences: number;

            /** KvStats freedLost. */
            freedLost: number;

            /** KvStats sweptBytes. */
            sweptBytes: number;

            /** KvStats admissionPaused. */
            admissionPaused: boolean;

            /** KvStats squeezes. */
            squeezes: number;

            /** KvStats policyVersion. */
            policyVersion: number;

            /**
             * Creates a new KvStats instance using the specified properties.
             * @param [properties] Properties to set
             * @returns KvStats instance
             */
            static create(properties: inferos.v1.KvStats.$Shape): inferos.v1.KvStats & inferos.v1.KvStats.$Shape;
            static create(properties?: inferos.v1.KvStats.$Properties): inferos.v1.KvStats;

            /**
             * Encodes the specified KvStats message. Does not implicitly {@link inferos.v1.KvStats.verify|verify} messages.
             * @param message KvStats message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.KvStats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a KvStats message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.KvStats & inferos.v1.KvStats.$Shape} KvStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.KvStats & inferos.v1.KvStats.$Shape;

            /**
             * Verifies a KvStats message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a KvStats message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns KvStats
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.KvStats;

            /**
             * Creates a plain object from a KvStats message. Also converts values to other types if specified.
             * @param message KvStats
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.KvStats, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this KvStats to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for KvStats
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace KvStats {

            /** Properties of a KvStats. */
            interface $Properties {

                /** KvStats schemaVersion */
                schemaVersion?: (number|null);

                /** KvStats budgetBytes */
                budgetBytes?: (number|null);

                /** KvStats usedBytes */
                usedBytes?: (number|null);

                /** KvStats reservedBytes */
                reservedBytes?: (number|null);

                /** KvStats sequences */
                sequences?: (number|null);

                /** KvStats bytesF32 */
                bytesF32?: (number|null);

                /** KvStats bytesF16 */
                bytesF16?: (number|null);

                /** KvStats bytesInt8 */
                bytesInt8?: (number|null);

                /** KvStats bytesInt4 */
                bytesInt4?: (number|null);

                /** KvStats bytesFp16Equivalent */
                bytesFp16Equivalent?: (number|null);

                /** KvStats segments */
                segments?: (number|null);

                /** KvStats peakUsedBytes */
                peakUsedBytes?: (number|null);

                /** KvStats peakSequences */
                peakSequences?: (number|null);

                /** KvStats freedLost */
                freedLost?: (number|null);

                /** KvStats sweptBytes */
                sweptBytes?: (number|null);

                /** KvStats admissionPaused */
                admissionPaused?: (boolean|null);

                /** KvStats squeezes */
                squeezes?: (number|null);

                /** KvStats policyVersion */
                policyVersion?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a KvStats. */
            type $Shape = inferos.v1.KvStats.$Properties;
        }

        /**
         * Properties of a PolicyUpdate.
         * @deprecated Use inferos.v1.PolicyUpdate.$Properties instead.
         */
        interface IPolicyUpdate extends inferos.v1.PolicyUpdate.$Properties {
        }

        /** Represents a PolicyUpdate. */
        class PolicyUpdate {

            /**
             * Constructs a new PolicyUpdate.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.PolicyUpdate.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PolicyUpdate schemaVersion. */
            schemaVersion: number;

            /** PolicyUpdate version. */
            version: number;

            /** PolicyUpdate policyJson. */
            policyJson: string;

            /** PolicyUpdate baselineMode. */
            baselineMode: boolean;

            /** PolicyUpdate issuedAtMs. */
            issuedAtMs: number;

            /** PolicyUpdate reason. */
            reason: string;

            /**
             * Creates a new PolicyUpdate instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PolicyUpdate instance
             */
            static create(properties: inferos.v1.PolicyUpdate.$Shape): inferos.v1.PolicyUpdate & inferos.v1.PolicyUpdate.$Shape;
            static create(properties?: inferos.v1.PolicyUpdate.$Properties): inferos.v1.PolicyUpdate;

            /**
             * Encodes the specified PolicyUpdate message. Does not implicitly {@link inferos.v1.PolicyUpdate.verify|verify} messages.
             * @param message PolicyUpdate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.PolicyUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PolicyUpdate message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.PolicyUpdate & inferos.v1.PolicyUpdate.$Shape} PolicyUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.PolicyUpdate & inferos.v1.PolicyUpdate.$Shape;

            /**
             * Verifies a PolicyUpdate message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PolicyUpdate message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PolicyUpdate
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.PolicyUpdate;

            /**
             * Creates a plain object from a PolicyUpdate message. Also converts values to other types if specified.
             * @param message PolicyUpdate
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.PolicyUpdate, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PolicyUpdate to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PolicyUpdate
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PolicyUpdate {

            /** Properties of a PolicyUpdate. */
            interface $Properties {

                /** PolicyUpdate schemaVersion */
                schemaVersion?: (number|null);

                /** PolicyUpdate version */
                version?: (number|null);

                /** PolicyUpdate policyJson */
                policyJson?: (string|null);

                /** PolicyUpdate baselineMode */
                baselineMode?: (boolean|null);

                /** PolicyUpdate issuedAtMs */
                issuedAtMs?: (number|null);

                /** PolicyUpdate reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PolicyUpdate. */
            type $Shape = inferos.v1.PolicyUpdate.$Properties;
        }

        /**
         * Properties of a PolicyAck.
         * @deprecated Use inferos.v1.PolicyAck.$Properties instead.
         */
        interface IPolicyAck extends inferos.v1.PolicyAck.$Properties {
        }

        /** Represents a PolicyAck. */
        class PolicyAck {

            /**
             * Constructs a new PolicyAck.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.PolicyAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PolicyAck schemaVersion. */
            schemaVersion: number;

            /** PolicyAck service. */
            service: string;

            /** PolicyAck instance. */
            instance: string;

            /** PolicyAck version. */
            version: number;

            /** PolicyAck appliedAtMs. */
            appliedAtMs: number;

            /** PolicyAck error. */
            error: string;

            /**
             * Creates a new PolicyAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PolicyAck instance
             */
            static create(properties: inferos.v1.PolicyAck.$Shape): inferos.v1.PolicyAck & inferos.v1.PolicyAck.$Shape;
            static create(properties?: inferos.v1.PolicyAck.$Properties): inferos.v1.PolicyAck;

            /**
             * Encodes the specified PolicyAck message. Does not implicitly {@link inferos.v1.PolicyAck.verify|verify} messages.
             * @param message PolicyAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.PolicyAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PolicyAck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.PolicyAck & inferos.v1.PolicyAck.$Shape} PolicyAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.PolicyAck & inferos.v1.PolicyAck.$Shape;

            /**
             * Verifies a PolicyAck message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PolicyAck message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PolicyAck
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.PolicyAck;

            /**
             * Creates a plain object from a PolicyAck message. Also converts values to other types if specified.
             * @param message PolicyAck
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.PolicyAck, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PolicyAck to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PolicyAck
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PolicyAck {

            /** Properties of a PolicyAck. */
            interface $Properties {

                /** PolicyAck schemaVersion */
                schemaVersion?: (number|null);

                /** PolicyAck service */
                service?: (string|null);

                /** PolicyAck instance */
                instance?: (string|null);

                /** PolicyAck version */
                version?: (number|null);

                /** PolicyAck appliedAtMs */
                appliedAtMs?: (number|null);

                /** PolicyAck error */
                error?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PolicyAck. */
            type $Shape = inferos.v1.PolicyAck.$Properties;
        }

        /**
         * Properties of a RequestMetrics.
         * @deprecated Use inferos.v1.RequestMetrics.$Properties instead.
         */
        interface IRequestMetrics extends inferos.v1.RequestMetrics.$Properties {
        }

        /** Represents a RequestMetrics. */
        class RequestMetrics {

            /**
             * Constructs a new RequestMetrics.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.RequestMetrics.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RequestMetrics schemaVersion. */
            schemaVersion: number;

            /** RequestMetrics model. */
            model: string;

            /** RequestMetrics policy. */
            policy: string;

            /** RequestMetrics ok. */
            ok: boolean;

            /** RequestMetrics errorCode. */
            errorCode: string;

            /** RequestMetrics promptTokens. */
            promptTokens: number;

            /** RequestMetrics completionTokens. */
            completionTokens: number;

            /** RequestMetrics ttftS. */
            ttftS: number;

            /** RequestMetrics e2eS. */
            e2eS: number;

            /** RequestMetrics itlS. */
            itlS: number[];

            /** RequestMetrics finishReason. */
            finishReason: string;

            /** RequestMetrics targetFtlMs. */
            targetFtlMs: number;

            /**
             * Creates a new RequestMetrics instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RequestMetrics instance
             */
            static create(properties: inferos.v1.RequestMetrics.$Shape): inferos.v1.RequestMetrics & inferos.v1.RequestMetrics.$Shape;
            static create(properties?: inferos.v1.RequestMetrics.$Properties): inferos.v1.RequestMetrics;

            /**
             * Encodes the specified RequestMetrics message. Does not implicitly {@link inferos.v1.RequestMetrics.verify|verify} messages.
             * @param message RequestMetrics message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.RequestMetrics.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RequestMetrics message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.RequestMetrics & inferos.v1.RequestMetrics.$Shape} RequestMetrics
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.RequestMetrics & inferos.v1.RequestMetrics.$Shape;

            /**
             * Verifies a RequestMetrics message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RequestMetrics message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RequestMetrics
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.RequestMetrics;

            /**
             * Creates a plain object from a RequestMetrics message. Also converts values to other types if specified.
             * @param message RequestMetrics
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.RequestMetrics, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RequestMetrics to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RequestMetrics
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RequestMetrics {

            /** Properties of a RequestMetrics. */
            interface $Properties {

                /** RequestMetrics schemaVersion */
                schemaVersion?: (number|null);

                /** RequestMetrics model */
                model?: (string|null);

                /** RequestMetrics policy */
                policy?: (string|null);

                /** RequestMetrics ok */
                ok?: (boolean|null);

                /** RequestMetrics errorCode */
                errorCode?: (string|null);

                /** RequestMetrics promptTokens */
                promptTokens?: (number|null);

                /** RequestMetrics completionTokens */
                completionTokens?: (number|null);

                /** RequestMetrics ttftS */
                ttftS?: (number|null);

                /** RequestMetrics e2eS */
                e2eS?: (number|null);

                /** RequestMetrics itlS */
                itlS?: (number[]|null);

                /** RequestMetrics finishReason */
                finishReason?: (string|null);

                /** RequestMetrics targetFtlMs */
                targetFtlMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RequestMetrics. */
            type $Shape = inferos.v1.RequestMetrics.$Properties;
        }

        /**
         * Properties of a LoopStats.
         * @deprecated Use inferos.v1.LoopStats.$Properties instead.
         */
        interface ILoopStats extends inferos.v1.LoopStats.$Properties {
        }

        /** Represents a LoopStats. */
        class LoopStats {

            /**
             * Constructs a new LoopStats.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.LoopStats.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LoopStats name. */
            name: string;

            /** LoopStats targetPeriodMs. */
            targetPeriodMs: number;

            /** LoopStats meanPeriodMs. */
            meanPeriodMs: number;

            /** LoopStats jitterMs. */
            jitterMs: number;

            /** LoopStats maxJitterMs. */
            maxJitterMs: number;

            /** LoopStats meanWorkMs. */
            meanWorkMs: number;

            /** LoopStats iterations. */
            iterations: number;

            /**
             * Creates a new LoopStats instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LoopStats instance
             */
            static create(properties: inferos.v1.LoopStats.$Shape): inferos.v1.LoopStats & inferos.v1.LoopStats.$Shape;
            static create(properties?: inferos.v1.LoopStats.$Properties): inferos.v1.LoopStats;

            /**
             * Encodes the specified LoopStats message. Does not implicitly {@link inferos.v1.LoopStats.verify|verify} messages.
             * @param message LoopStats message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.LoopStats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LoopStats message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.LoopStats & inferos.v1.LoopStats.$Shape} LoopStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.LoopStats & inferos.v1.LoopStats.$Shape;

            /**
             * Verifies a LoopStats message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LoopStats message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LoopStats
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.LoopStats;

            /**
             * Creates a plain object from a LoopStats message. Also converts values to other types if specified.
             * @param message LoopStats
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.LoopStats, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LoopStats to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for LoopStats
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace LoopStats {

            /** Properties of a LoopStats. */
            interface $Properties {

                /** LoopStats name */
                name?: (string|null);

                /** LoopStats targetPeriodMs */
                targetPeriodMs?: (number|null);

                /** LoopStats meanPeriodMs */
                meanPeriodMs?: (number|null);

                /** LoopStats jitterMs */
                jitterMs?: (number|null);

                /** LoopStats maxJitterMs */
                maxJitterMs?: (number|null);

                /** LoopStats meanWorkMs */
                meanWorkMs?: (number|null);

                /** LoopStats iterations */
                iterations?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LoopStats. */
            type $Shape = inferos.v1.LoopStats.$Properties;
        }

        /**
         * Properties of a ServiceReport.
         * @deprecated Use inferos.v1.ServiceReport.$Properties instead.
         */
        interface IServiceReport extends inferos.v1.ServiceReport.$Properties {
        }

        /** Represents a ServiceReport. */
        class ServiceReport {

            /**
             * Constructs a new ServiceReport.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.ServiceReport.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ServiceReport schemaVersion. */
            schemaVersion: number;

            /** ServiceReport service. */
            service: string;

            /** ServiceReport instance. */
            instance: string;

            /** ServiceReport model. */
            model: string;

            /** ServiceReport timeMs. */
            timeMs: number;

            /** ServiceReport policyVersion. */
            policyVersion: number;

            /** ServiceReport hasRequests. */
            hasRequests: boolean;

            /** ServiceReport requestsRunning. */
            requestsRunning: number;

            /** ServiceReport requestsWaiting. */
            requestsWaiting: number;

            /** ServiceReport hasKv. */
            hasKv: boolean;

            /** ServiceReport kvBudgetBytes. */
            kvBudgetBytes: number;

            /** ServiceReport kvUsedBytes. */
            kvUsedBytes: number;

            /** ServiceReport kvReservedBytes. */
            kvReservedBytes: number;

            /** ServiceReport kvBytesF32. */
            kvBytesF32: number;

            /** ServiceReport kvBytesF16. */
            kvBytesF16: number;

            /** ServiceReport kvBytesInt8. */
            kvBytesInt8: number;

            /** ServiceReport kvBytesInt4. */
            kvBytesInt4: number;

            /** ServiceReport kvSequences. */
            kvSequences: number;

            /** ServiceReport admissionPaused. */
            admissionPaused: boolean;

            /** ServiceReport kvDemotions. */
            kvDemotions: number;

            /** ServiceReport hasControl. */
            hasControl: boolean;

            /** ServiceReport baselineMode. */
            baselineMode: boolean;

            /** ServiceReport deltaPplEstimate. */
            deltaPplEstimate: number;

            /** ServiceReport deltaPplTokens. */
            deltaPplTokens: number;

            /** ServiceReport loops. */
            loops: inferos.v1.LoopStats.$Properties[];

            /** ServiceReport cpuCores. */
            cpuCores: number;

            /** ServiceReport rssBytes. */
            rssBytes: number;

            /** ServiceReport provider. */
            provider: string;

            /** ServiceReport maxBatch. */
            maxBatch: number;

            /** ServiceReport restarts. */
            restarts: number;

            /** ServiceReport pssBytes. */
            pssBytes: number;

            /** ServiceReport weightsBytes. */
            weightsBytes: number;

            /** ServiceReport kvBytesExact. */
            kvBytesExact: number;

            /**
             * Creates a new ServiceReport instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ServiceReport instance
             */
            static create(properties: inferos.v1.ServiceReport.$Shape): inferos.v1.ServiceReport & inferos.v1.ServiceReport.$Shape;
            static create(properties?: inferos.v1.ServiceReport.$Properties): inferos.v1.ServiceReport;

            /**
             * Encodes the specified ServiceReport message. Does not implicitly {@link inferos.v1.ServiceReport.verify|verify} messages.
             * @param message ServiceReport message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.ServiceReport.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ServiceReport message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.ServiceReport & inferos.v1.ServiceReport.$Shape} ServiceReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.ServiceReport & inferos.v1.ServiceReport.$Shape;

            /**
             * Verifies a ServiceReport message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ServiceReport message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ServiceReport
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.ServiceReport;

            /**
             * Creates a plain object from a ServiceReport message. Also converts values to other types if specified.
             * @param message ServiceReport
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.ServiceReport, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ServiceReport to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ServiceReport
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ServiceReport {

            /** Properties of a ServiceReport. */
            interface $Properties {

                /** ServiceReport schemaVersion */
                schemaVersion?: (number|null);

                /** ServiceReport service */
                service?: (string|null);

                /** ServiceReport instance */
                instance?: (string|null);

                /** ServiceReport model */
                model?: (string|null);

                /** ServiceReport timeMs */
                timeMs?: (number|null);

                /** ServiceReport policyVersion */
                policyVersion?: (number|null);

                /** ServiceReport hasRequests */
                hasRequests?: (boolean|null);

                /** ServiceReport requestsRunning */
                requestsRunning?: (number|null);

                /** ServiceReport requestsWaiting */
                requestsWaiting?: (number|null);

                /** ServiceReport hasKv */
                hasKv?: (boolean|null);

                /** ServiceReport kvBudgetBytes */
                kvBudgetBytes?: (number|null);

                /** ServiceReport kvUsedBytes */
                kvUsedBytes?: (number|null);

                /** ServiceReport kvReservedBytes */
                kvReservedBytes?: (number|null);

                /** ServiceReport kvBytesF32 */
                kvBytesF32?: (number|null);

                /** ServiceReport kvBytesF16 */
                kvBytesF16?: (number|null);

                /** ServiceReport kvBytesInt8 */
                kvBytesInt8?: (number|null);

                /** ServiceReport kvBytesInt4 */
                kvBytesInt4?: (number|null);

                /** ServiceReport kvSequences */
                kvSequences?: (number|null);

                /** ServiceReport admissionPaused */
                admissionPaused?: (boolean|null);

                /** ServiceReport kvDemotions */
                kvDemotions?: (number|null);

                /** ServiceReport hasControl */
                hasControl?: (boolean|null);

                /** ServiceReport baselineMode */
                baselineMode?: (boolean|null);

                /** ServiceReport deltaPplEstimate */
                deltaPplEstimate?: (number|null);

                /** ServiceReport deltaPplTokens */
                deltaPplTokens?: (number|null);

                /** ServiceReport loops */
                loops?: (inferos.v1.LoopStats.$Properties[]|null);

                /** ServiceReport cpuCores */
                cpuCores?: (number|null);

                /** ServiceReport rssBytes */
                rssBytes?: (number|null);

                /** ServiceReport provider */
                provider?: (string|null);

                /** ServiceReport maxBatch */
                maxBatch?: (number|null);

                /** ServiceReport restarts */
                restarts?: (number|null);

                /** ServiceReport pssBytes */
                pssBytes?: (number|null);

                /** ServiceReport weightsBytes */
                weightsBytes?: (number|null);

                /** ServiceReport kvBytesExact */
                kvBytesExact?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ServiceReport. */
            type $Shape = inferos.v1.ServiceReport.$Properties;
        }

        /**
         * Properties of a QualityProbe.
         * @deprecated Use inferos.v1.QualityProbe.$Properties instead.
         */
        interface IQualityProbe extends inferos.v1.QualityProbe.$Properties {
        }

        /** Represents a QualityProbe. */
        class QualityProbe {

            /**
             * Constructs a new QualityProbe.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.QualityProbe.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** QualityProbe schemaVersion. */
            schemaVersion: number;

            /** QualityProbe requestId. */
            requestId: string;

            /** QualityProbe promptIds. */
            promptIds: number[];

            /**
             * Creates a new QualityProbe instance using the specified properties.
             * @param [properties] Properties to set
             * @returns QualityProbe instance
             */
            static create(properties: inferos.v1.QualityProbe.$Shape): inferos.v1.QualityProbe & inferos.v1.QualityProbe.$Shape;
            static create(properties?: inferos.v1.QualityProbe.$Properties): inferos.v1.QualityProbe;

            /**
             * Encodes the specified QualityProbe message. Does not implicitly {@link inferos.v1.QualityProbe.verify|verify} messages.
             * @param message QualityProbe message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.QualityProbe.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a QualityProbe message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.QualityProbe & inferos.v1.QualityProbe.$Shape} QualityProbe
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.QualityProbe & inferos.v1.QualityProbe.$Shape;

            /**
             * Verifies a QualityProbe message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a QualityProbe message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns QualityProbe
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.QualityProbe;

            /**
             * Creates a plain object from a QualityProbe message. Also converts values to other types if specified.
             * @param message QualityProbe
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.QualityProbe, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this QualityProbe to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for QualityProbe
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace QualityProbe {

            /** Properties of a QualityProbe. */
            interface $Properties {

                /** QualityProbe schemaVersion */
                schemaVersion?: (number|null);

                /** QualityProbe requestId */
                requestId?: (string|null);

                /** QualityProbe promptIds */
                promptIds?: (number[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a QualityProbe. */
            type $Shape = inferos.v1.QualityProbe.$Properties;
        }

        /**
         * Properties of a CachePolicy.
         * @deprecated Use inferos.v1.CachePolicy.$Properties instead.
         */
        interface ICachePolicy extends inferos.v1.CachePolicy.$Properties {
        }

        /** Represents a CachePolicy. */
        class CachePolicy {

            /**
             * Constructs a new CachePolicy.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.CachePolicy.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CachePolicy fullPrecision. */
            fullPrecision: boolean;

            /** CachePolicy sinks. */
            sinks: number;

            /** CachePolicy window. */
            window: number;

            /** CachePolicy groupSize. */
            groupSize: number;

            /** CachePolicy int8. */
            int8: number;

            /** CachePolicy int4. */
            int4: number;

            /** CachePolicy evict. */
            evict: number;

            /**
             * Creates a new CachePolicy instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CachePolicy instance
             */
            static create(properties: inferos.v1.CachePolicy.$Shape): inferos.v1.CachePolicy & inferos.v1.CachePolicy.$Shape;
            static create(properties?: inferos.v1.CachePolicy.$Properties): inferos.v1.CachePolicy;

            /**
             * Encodes the specified CachePolicy message. Does not implicitly {@link inferos.v1.CachePolicy.verify|verify} messages.
             * @param message CachePolicy message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.CachePolicy.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CachePolicy message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.CachePolicy & inferos.v1.CachePolicy.$Shape} CachePolicy
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.CachePolicy & inferos.v1.CachePolicy.$Shape;

            /**
             * Verifies a CachePolicy message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a CachePolicy message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CachePolicy
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.CachePolicy;

            /**
             * Creates a plain object from a CachePolicy message. Also converts values to other types if specified.
             * @param message CachePolicy
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.CachePolicy, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CachePolicy to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for CachePolicy
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CachePolicy {

            /** Properties of a CachePolicy. */
            interface $Properties {

                /** CachePolicy fullPrecision */
                fullPrecision?: (boolean|null);

                /** CachePolicy sinks */
                sinks?: (number|null);

                /** CachePolicy window */
                window?: (number|null);

                /** CachePolicy groupSize */
                groupSize?: (number|null);

                /** CachePolicy int8 */
                int8?: (number|null);

                /** CachePolicy int4 */
                int4?: (number|null);

                /** CachePolicy evict */
                evict?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CachePolicy. */
            type $Shape = inferos.v1.CachePolicy.$Properties;
        }

        /**
         * Properties of a QualityScoreRequest.
         * @deprecated Use inferos.v1.QualityScoreRequest.$Properties instead.
         */
        interface IQualityScoreRequest extends inferos.v1.QualityScoreRequest.$Properties {
        }

        /** Represents a QualityScoreRequest. */
        class QualityScoreRequest {

            /**
             * Constructs a new QualityScoreRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.QualityScoreRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** QualityScoreRequest schemaVersion. */
            schemaVersion: number;

            /** QualityScoreRequest promptIds. */
            promptIds: number[];

            /** QualityScoreRequest policy. */
            policy?: (inferos.v1.CachePolicy.$Properties|null);

            /** QualityScoreRequest policyVersion. */
            policyVersion: number;

            /**
             * Creates a new QualityScoreRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns QualityScoreRequest instance
             */
            static create(properties: inferos.v1.QualityScoreRequest.$Shape): inferos.v1.QualityScoreRequest & inferos.v1.QualityScoreRequest.$Shape;
            static create(properties?: inferos.v1.QualityScoreRequest.$Properties): inferos.v1.QualityScoreRequest;

            /**
             * Encodes the specified QualityScoreRequest message. Does not implicitly {@link inferos.v1.QualityScoreRequest.verify|verify} messages.
             * @param message QualityScoreRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.QualityScoreRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a QualityScoreRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.QualityScoreRequest & inferos.v1.QualityScoreRequest.$Shape} QualityScoreRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.QualityScoreRequest & inferos.v1.QualityScoreRequest.$Shape;

            /**
             * Verifies a QualityScoreRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a QualityScoreRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns QualityScoreRequest
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.QualityScoreRequest;

            /**
             * Creates a plain object from a QualityScoreRequest message. Also converts values to other types if specified.
             * @param message QualityScoreRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.QualityScoreRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this QualityScoreRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for QualityScoreRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace QualityScoreRequest {

            /** Properties of a QualityScoreRequest. */
            interface $Properties {

                /** QualityScoreRequest schemaVersion */
                schemaVersion?: (number|null);

                /** QualityScoreRequest promptIds */
                promptIds?: (number[]|null);

                /** QualityScoreRequest policy */
                policy?: (inferos.v1.CachePolicy.$Properties|null);

                /** QualityScoreRequest policyVersion */
                policyVersion?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a QualityScoreRequest. */
            type $Shape = inferos.v1.QualityScoreRequest.$Properties;
        }

        /**
         * Properties of a QualitySample.
         * @deprecated Use inferos.v1.QualitySample.$Properties instead.
         */
        interface IQualitySample extends inferos.v1.QualitySample.$Properties {
        }

        /** Represents a QualitySample. */
        class QualitySample {

            /**
             * Constructs a new QualitySample.
             * @param [properties] Properties to set
             */
            constructor(properties?: inferos.v1.QualitySample.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** QualitySample schemaVersion. */
            schemaVersion: number;

            /** QualitySample instance. */
            instance: string;

            /** QualitySample tokens. */
            tokens: number;

            /** QualitySample nllPolicy. */
            nllPolicy: number;

            /** QualitySample nllBaseline. */
            nllBaseline: number;

            /** QualitySample policyVersion. */
            policyVersion: number;

            /** QualitySample timeMs. */
            timeMs: number;

            /** QualitySample error. */
            error: string;

            /**
             * Creates a new QualitySample instance using the specified properties.
             * @param [properties] Properties to set
             * @returns QualitySample instance
             */
            static create(properties: inferos.v1.QualitySample.$Shape): inferos.v1.QualitySample & inferos.v1.QualitySample.$Shape;
            static create(properties?: inferos.v1.QualitySample.$Properties): inferos.v1.QualitySample;

            /**
             * Encodes the specified QualitySample message. Does not implicitly {@link inferos.v1.QualitySample.verify|verify} messages.
             * @param message QualitySample message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: inferos.v1.QualitySample.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a QualitySample message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {inferos.v1.QualitySample & inferos.v1.QualitySample.$Shape} QualitySample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inferos.v1.QualitySample & inferos.v1.QualitySample.$Shape;

            /**
             * Verifies a QualitySample message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a QualitySample message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns QualitySample
             */
            static fromObject(object: { [k: string]: any }): inferos.v1.QualitySample;

            /**
             * Creates a plain object from a QualitySample message. Also converts values to other types if specified.
             * @param message QualitySample
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: inferos.v1.QualitySample, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this QualitySample to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for QualitySample
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace QualitySample {

            /** Properties of a QualitySample. */
            interface $Properties {

                /** QualitySample schemaVersion */
                schemaVersion?: (number|null);

                /** QualitySample instance */
                instance?: (string|null);

                /** QualitySample tokens */
                tokens?: (number|null);

                /** QualitySample nllPolicy */
                nllPolicy?: (number|null);

                /** QualitySample nllBaseline */
                nllBaseline?: (number|null);

                /** QualitySample policyVersion */
                policyVersion?: (number|null);

                /** QualitySample timeMs */
                timeMs?: (number|null);

                /** QualitySample error */
                error?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a QualitySample. */
            type $Shape = inferos.v1.QualitySample.$Properties;
        }
    }
}
